namespace QuantumScheduler.Grains.Backends;

/// <summary>
/// Problem-size classes by task-agent variables (the size <c>max_problem_size</c> limits): <c>small</c> ≤ 100 (exact
/// MIP usually proves optimality in well under a second), <c>medium</c> ≤ 1000 (the seed's classical limit),
/// <c>large</c> above. Statistics and strategies compare backends within one class.
/// </summary>
public static class ProblemSizeClass
{
    public const string Small = "small";
    public const string Medium = "medium";
    public const string Large = "large";

    public const int SmallMaximum = 100;
    public const int MediumMaximum = 1000;

    public static IReadOnlyList<string> All { get; } = [Small, Medium, Large];

    public static string Of(int taskAgentVariables) => taskAgentVariables switch
    {
        <= SmallMaximum => Small,
        <= MediumMaximum => Medium,
        _ => Large,
    };
}
