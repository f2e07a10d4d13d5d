namespace QuantumScheduler.Grains.Selection;

/// <summary>What running a problem on a backend is expected to cost, for <c>cost_optimized</c>. The default,
/// <see cref="PricingCostEstimator"/>, prices the expected solve time with the prices jobs are charged; a
/// host with a richer pricing model registers its own.</summary>
public interface IBackendCostEstimator
{
    decimal Estimate(BackendCandidate candidate, BackendSelectionRequest request);
}
