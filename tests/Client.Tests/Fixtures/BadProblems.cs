namespace QuantumScheduler.Client.Tests.Fixtures;

/// <summary>Problems that must be refused, and the paths their errors are reported at.</summary>
public static class BadProblems
{
    /// <summary>Three validation errors at once: a negative capacity, a duplicate task id, an unknown dependency.</summary>
    public const string ThreeErrors = """
        { "name": "bad", "agents": [ { "id": "a", "capacity": -1 } ],
          "tasks": [ { "id": "t", "dependencies": ["ghost"] }, { "id": "t" } ] }
        """;

    public static readonly string[] ThreeErrorPaths = ["agents[0].capacity", "tasks[1].id", "tasks[0].dependencies[0]"];

    public const string NotJson = "{ \"name\": \"broken\", \"agents\": [ ";
}
