namespace QuantumScheduler.Bench.Jobs;

/// <summary>The tiny job: four tasks on three agents with skills and capacities. Its optimum meets the simple lower bound
/// (each task on its cheapest eligible agent fits), so classical-tabu proves it optimal and stops at once: the solve is
/// short next to any overhead around it.</summary>
public static class TinyProblem
{
    public const string Backend = "classical-tabu";

    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(5);

    public const string Json = """
        {
          "name": "tiny",
          "agents": [
            { "id": "a1", "skills": ["x"], "capacity": 5 },
            { "id": "a2", "skills": ["x", "y"], "capacity": 4 },
            { "id": "a3", "skills": ["y"], "capacity": 4 }
          ],
          "tasks": [
            { "id": "t1", "requiredSkills": ["x"], "load": 2 },
            { "id": "t2", "requiredSkills": ["y"], "load": 2 },
            { "id": "t3", "requiredSkills": ["x"], "load": 3 },
            { "id": "t4", "load": 1 }
          ],
          "overrides": [
            { "taskId": "t1", "agentId": "a1", "cost": 3 }, { "taskId": "t1", "agentId": "a2", "cost": 5 },
            { "taskId": "t2", "agentId": "a2", "cost": 4 }, { "taskId": "t2", "agentId": "a3", "cost": 2 },
            { "taskId": "t3", "agentId": "a1", "cost": 2 }, { "taskId": "t3", "agentId": "a2", "cost": 6 },
            { "taskId": "t4", "agentId": "a1", "cost": 1 }, { "taskId": "t4", "agentId": "a2", "cost": 1 }, { "taskId": "t4", "agentId": "a3", "cost": 1 }
          ],
          "objective": { "kind": "totalCost", "sense": "minimize" }
        }
        """;
}
