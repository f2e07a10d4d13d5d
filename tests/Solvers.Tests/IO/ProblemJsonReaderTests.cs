using QuantumScheduler.Solvers.IO.Json;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Tests.IO;

public sealed class ProblemJsonReaderTests
{
    private const string Valid = """
        {
          "name": "release",
          "agents": [
            { "id": "ana", "skills": ["go", "sql"], "capacity": 16, "costRate": 50,
              "availability": [ { "start": 0, "end": 8 }, { "start": 24, "end": 32 } ] },
            { "id": "ben", "skills": ["rust"], "costRate": 60 }
          ],
          "tasks": [
            { "id": "api", "requiredSkills": ["go"], "duration": 5, "priority": 3, "deadline": 30 },
            { "id": "engine", "requiredSkills": ["rust"], "duration": 6, "load": 2, "releaseTime": 1, "dependencies": ["api"] }
          ],
          "overrides": [ { "taskId": "api", "agentId": "ana", "cost": 200 } ],
          "pinned": [ { "taskId": "engine", "agentId": "ben" } ],
          "initialSolution": [ { "taskId": "api", "agentId": "ana" } ],
          "objective": { "kind": "weightedMix", "sense": "minimize", "weights": { "cost": 1, "makespan": 10 } },
          "constraints": { "capacity": { "level": "soft", "weight": 100 }, "deadlines": { "level": "hard" },
                           "allowUnassigned": true, "unassignedPenalty": 5000 }
        }
        """;

    [Fact]
    public void Reads_every_field()
    {
        var result = ProblemJsonReader.Read(Valid);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var problem = result.Problem;
        Assert.Equal("release", problem.Name);
        Assert.Equal(["go", "sql"], problem.Agents[0].Skills);
        Assert.Equal(16, problem.Agents[0].Capacity);
        Assert.Null(problem.Agents[1].Capacity);
        Assert.Null(problem.Agents[1].Availability);
        Assert.Equal([new TimeWindow(0, 8), new TimeWindow(24, 32)], problem.Agents[0].Availability);
        Assert.Equal(60, problem.Agents[1].CostRate);
        var engine = problem.Tasks[1];
        Assert.Equal((6.0, 2.0, 1.0, 1.0, (double?)null), (engine.Duration, engine.Load!.Value, engine.Priority, engine.ReleaseTime, engine.Deadline));
        Assert.Equal(["api"], engine.Dependencies);
        Assert.Equal(200, problem.Overrides[0].Cost);
        Assert.Equal(new Assignment("engine", "ben"), Assert.Single(problem.Pinned));
        Assert.Equal(new Assignment("api", "ana"), Assert.Single(problem.InitialSolution!));
        Assert.Equal(ObjectiveKind.WeightedMix, problem.Objective.Kind);
        Assert.Equal(10, problem.Objective.Weights.Makespan);
        Assert.Equal(ConstraintLevel.Soft(100), problem.Constraints.Capacity);
        Assert.Equal(ConstraintLevel.Hard, problem.Constraints.Deadlines);
        Assert.True(problem.Constraints.AllowUnassigned);
        Assert.Equal(5000, problem.Constraints.UnassignedPenalty);
    }

    [Fact]
    public void Applies_the_documented_defaults()
    {
        var result = ProblemJsonReader.Read("""{ "agents": [ { "id": "a" } ], "tasks": [ { "id": "t" } ] }""");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var task = result.Problem.Tasks[0];
        Assert.Equal((1.0, (double?)null, 1.0, 0.0), (task.Duration, task.Load, task.Priority, task.ReleaseTime));
        Assert.Equal(ObjectiveKind.TotalCost, result.Problem.Objective.Kind);
        Assert.Equal(ObjectiveSense.Minimize, result.Problem.Objective.Sense);
        Assert.True(result.Problem.Constraints.Capacity.IsHard);
        Assert.False(result.Problem.Constraints.AllowUnassigned);
        Assert.Null(result.Problem.InitialSolution);
    }

    [Fact]
    public void Round_trips_through_the_writer()
    {
        var problem = ProblemJsonReader.Read(Valid).Problem!;

        var written = ProblemJsonWriter.Write(problem);
        var reread = ProblemJsonReader.Read(written);

        Assert.True(reread.Succeeded, string.Join("\n", reread.Errors));
        Assert.Equal(written, ProblemJsonWriter.Write(reread.Problem));
        Assert.Contains("\"kind\": \"weightedMix\"", written);
    }

    [Fact]
    public void Random_problems_round_trip()
    {
        for (var seed = 0; seed < 50; seed++)
        {
            var problem = RandomProblems.Create(seed, valid: true);
            var written = ProblemJsonWriter.Write(problem);
            var reread = ProblemJsonReader.Read(written);
            Assert.True(reread.Succeeded, $"seed {seed}: {string.Join("\n", reread.Errors)}");
            Assert.Equal(written, ProblemJsonWriter.Write(reread.Problem));
        }
    }

    [Fact]
    public void Malformed_json_is_reported_with_line_and_column()
    {
        var result = ProblemJsonReader.Read("{\n  \"agents\": [\n    { \"id\": \"a\" ,, }\n  ]\n}");

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("line 3, column ", error.Message);
        Assert.Equal("agents[0]", error.Path);
    }

    [Theory]
    [InlineData("""{ "tasks": [ { "id": "t", "duration": "long" } ] }""", "tasks[0].duration", "line 1, column 45: expected a number")]
    [InlineData("""{ "tasks": [ { "id": "t", "requiredSkill": ["go"] } ] }""", "tasks[0].requiredSkill", "unknown property \"requiredSkill\" (did you mean \"requiredSkills\"?)")]
    [InlineData("""{ "agents": 5 }""", "agents", "expected an array")]
    [InlineData("""{ "tasks": [ { "id": "t", "duration": 1, "duration": 2 } ] }""", "tasks[0].duration", "duplicate property \"duration\"")]
    [InlineData("""[1, 2]""", "", "expected an object")]
    [InlineData("""  """, "", "the document is empty")]
    [InlineData("""{ "objective": { "kind": "fastest" } }""", "objective.kind", "unknown value \"fastest\" (expected one of totalCost, makespan, weightedTardiness, loadBalance, weightedMix)")]
    [InlineData("""{ "constraints": { "capacity": { "level": "soft" } } }""", "constraints.capacity.weight", "required for a soft constraint")]
    [InlineData("""{ "agents": [ null ] }""", "agents[0]", "expected an object, got null")]
    [InlineData("""{ "agents": [ { "id": "a", "availability": [ { "start": 3 } ] } ] }""", "agents[0].availability[0].end", "required")]
    public void Wrong_types_unknown_properties_and_bad_values_are_reported_at_their_path(string json, string path, string message)
    {
        var result = ProblemJsonReader.Read(json);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Path == path && e.Message.Contains(message));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        const string json = """
            {
              "agents": [
                { "id": "a1", "skills": ["go"], "capacity": -5 },
                { "id": "a1", "skills": ["sql"] }
              ],
              "tasks": [
                { "id": "t1", "requiredSkills": ["go"], "duration": -1 },
                { "id": "t2", "requiredSkills": ["go", "sql"] },
                { "id": "t3", "requiredSkills": ["rust"], "dependencies": ["t9"] },
                { "id": "t4", "dependencies": ["t5"] },
                { "id": "t5", "dependencies": ["t4"], "releaseTime": 5, "deadline": 4 }
              ],
              "overrides": [ { "taskId": "t1", "agentId": "zed", "cost": 3 } ],
              "pinned": [ { "taskId": "t2", "agentId": "a1" } ]
            }
            """;

        var errors = ProblemJsonReader.Read(json).Errors.Select(e => e.ToString()).ToList();

        Assert.Contains("agents[0].capacity: must be a finite number ≥ 0, got -5", errors);
        Assert.Contains("agents[1].id: duplicate id \"a1\" (also agents[0])", errors);
        Assert.Contains("tasks[0].duration: must be a finite number ≥ 0, got -1", errors);
        Assert.Contains("tasks[2].requiredSkills[0]: unknown skill \"rust\" (no agent has it)", errors);
        Assert.Contains("tasks[2].dependencies[0]: unknown task \"t9\"", errors);
        Assert.Contains("tasks[3].dependencies: dependency cycle: t4 → t5 → t4 (each depends on the next)", errors);
        Assert.Contains("tasks[4].deadline: 4 is before release time 5 + shortest duration 1 = 6", errors);
        Assert.Contains("overrides[0].agentId: unknown agent \"zed\"", errors);
        Assert.Contains("pinned[0].agentId: agent \"a1\" lacks skill \"sql\" required by task \"t2\"", errors);
    }

    [Fact]
    public void A_task_no_agent_can_do_names_the_missing_skills()
    {
        const string json = """
            {
              "agents": [ { "id": "a1", "skills": ["go"] }, { "id": "a2", "skills": ["sql"] } ],
              "tasks": [ { "id": "t1", "requiredSkills": ["go", "sql"] } ]
            }
            """;

        var error = Assert.Single(ProblemJsonReader.Read(json).Errors);

        Assert.Equal("tasks[0].requiredSkills: no agent has all of skills \"go\", \"sql\" (a1 lacks skill \"sql\"; a2 lacks skill \"go\")", error.ToString());
    }

    [Fact]
    public void Tasks_impossible_alone_are_legal_when_they_may_stay_unassigned()
    {
        const string json = """
            {
              "agents": [ { "id": "a1", "skills": ["go"] } ],
              "tasks": [ { "id": "t1", "requiredSkills": ["rust"], "releaseTime": 5, "deadline": 4 } ],
              "constraints": { "allowUnassigned": true }
            }
            """;

        Assert.True(ProblemJsonReader.Read(json).Succeeded);
    }

    [Fact]
    public void A_missing_file_is_an_error_not_an_exception()
    {
        var result = ProblemJsonReader.ReadFile("/nonexistent/problem.json");

        Assert.Contains("cannot read /nonexistent/problem.json", Assert.Single(result.Errors).Message);
    }
}
