using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Grains.Tests.Selection;

/// <summary>A backend with chosen capabilities and availability that never solves: selection only reads what a
/// backend declares, so tests do not depend on CBC being installed.</summary>
internal sealed class FakeSolverBackend(string name, BackendCapabilities? capabilities = null, BackendAvailability? availability = null) : ISolverBackend
{
    public string Name => name;

    public BackendCapabilities Capabilities { get; } = capabilities ?? General();

    public BackendAvailability Availability { get; } = availability ?? BackendAvailability.Available;

    public Task<BackendResult> SolveAsync(ProblemInstance instance, SolveOptions options, IProgress<SolveProgress>? progress, CancellationToken cancellationToken) =>
        throw new NotSupportedException("A fake backend for selection tests does not solve.");

    /// <summary>Supports every feature and objective.</summary>
    public static BackendCapabilities General(bool exact = false, int? maxVariables = null, int? maxQubits = null) => new()
    {
        Objectives = Enum.GetValues<ObjectiveKind>().ToHashSet(),
        SupportsDependencies = true,
        SupportsDeadlines = true,
        SupportsAvailability = true,
        SupportsSoftConstraints = true,
        SupportsUnassigned = true,
        SupportsPinning = true,
        ProvidesBound = exact,
        MaxVariables = maxVariables,
        MaxQubits = maxQubits,
    };
}
