namespace QuantumScheduler.Solvers.Quantum.Qubo;

/// <summary>
/// A sampler that can sample a scheduling QUBO from its <see cref="QuboAssignmentStructure"/> alone (one-hot moves,
/// capacity penalties priced in closed form), so the solve path need not build the full model — whose capacity
/// terms are millions on large problems. Its samples are bitstrings of the same model, with exact energies.
/// </summary>
public interface IStructuredQuboSampler : IQuboSampler
{
    /// <summary>Whether this instance samples from the structure (e.g. its one-hot moves are switched on).</summary>
    bool SamplesStructure { get; }

    /// <summary>As <see cref="IQuboSampler.Sample"/>, for the model the structure describes.</summary>
    QuboSampleSet Sample(QuboAssignmentStructure structure, QuboSampleRequest request, CancellationToken cancellationToken);
}
