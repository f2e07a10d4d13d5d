namespace QuantumScheduler.Solvers.Validation;

/// <summary>One problem found in a problem definition, at its JSON path (e.g. <c>tasks[3].requiredSkills[0]</c>).</summary>
public sealed record ValidationError(string Path, string Message)
{
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}
