using Microsoft.Extensions.Options;
using QuantumScheduler.Grains.Backends;
using QuantumScheduler.Grains.Configuration;

namespace QuantumScheduler.Grains.Selection;

/// <summary>
/// Expected cost from <see cref="PricingOptions"/> (backend overrides first): the expected solve time is the
/// backend's p50 latency in the problem's size class, else the request's time limit (backends without a proof run
/// to it). Classical and hybrid backends are charged one core for that time; quantum simulators and hardware are
/// charged a qubit per task-agent variable (the QUBO's assignment qubits) for that time, since their qubit count
/// dominates. Rounded to <see cref="PricingOptions.DecimalPlaces"/>.
/// </summary>
public sealed class PricingCostEstimator(IOptions<PricingOptions> options) : IBackendCostEstimator
{
    public decimal Estimate(BackendCandidate candidate, BackendSelectionRequest request)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(request);
        var pricing = options.Value;
        var prices = pricing.Backends.GetValueOrDefault(candidate.Name);
        var sizeClass = ProblemSizeClass.Of(request.ProblemSize);
        var latencyMs = candidate.Info.Stats.BySize.FirstOrDefault(s => s.SizeClass == sizeClass)?.LatencyP50Ms
            ?? request.TimeLimit.TotalMilliseconds;
        var seconds = (decimal)latencyMs / 1000m;
        var cost = candidate.Backend.Settings.Family is BackendFamilies.QuantumSimulator or BackendFamilies.QuantumHardware
            ? seconds * request.ProblemSize * (prices?.QubitSecond ?? pricing.QubitSecond)
            : seconds * (prices?.CoreSecond ?? pricing.CoreSecond);
        return Math.Round(cost, pricing.DecimalPlaces, MidpointRounding.ToEven);
    }
}
