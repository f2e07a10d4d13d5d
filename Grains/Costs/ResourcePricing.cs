using Microsoft.Extensions.Options;
using QuantumScheduler.Grains.Configuration;
using QuantumScheduler.Grains.Errors;
using QuantumScheduler.Grains.Jobs;
using QuantumScheduler.Solvers.Backends.Registry;

namespace QuantumScheduler.Grains.Costs;

/// <summary>
/// Turns resources into money from <see cref="PricingOptions"/>: an upper-bound estimate reserved at submit, and the
/// ledger entries of a finished attempt. Every amount is rounded half-even (banker's rounding) to
/// <see cref="PricingOptions.DecimalPlaces"/>, so sums of entries are sums of exactly what each entry shows.
/// </summary>
public sealed class ResourcePricing(IOptions<PricingOptions> options, BackendRegistry backends, TimeProvider clock)
{
    private readonly PricingOptions _options = options.Value;

    public string Currency => _options.Currency;

    public int DecimalPlaces => _options.DecimalPlaces;

    /// <summary>
    /// The most a solve can cost when its worker honours the time limit: time limit × threads × core-second price, plus,
    /// for a qubit-limited backend (one whose capabilities declare <c>MaxQubits</c>), min(problem size, max qubits) ×
    /// time limit × qubit-second price, plus <paramref name="shots"/> × shot price. The sum is rounded up to the
    /// currency's minor unit, so a reservation is never below what the attempt can be charged.
    /// </summary>
    /// <param name="backend">The backend's name.</param>
    /// <param name="problemSize">Task-agent variables of the problem.</param>
    /// <param name="timeLimit">The solve's time limit.</param>
    /// <param name="threads">Cores the solve may use.</param>
    /// <param name="shots">Samples the backend may draw (sampling backends); 0 when not charged.</param>
    /// <exception cref="UnknownBackendException">No backend has that name.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A negative size, time limit, thread or shot count.</exception>
    public decimal Estimate(string backend, int problemSize, TimeSpan timeLimit, int threads, long shots = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(problemSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(timeLimit, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        ArgumentOutOfRangeException.ThrowIfNegative(shots);
        if (!backends.TryGet(backend, out var solver))
            throw new UnknownBackendException($"Cannot estimate the cost on unknown backend \"{backend}\"; known backends: {string.Join(", ", backends.Names)}.");

        var seconds = (decimal)timeLimit.TotalSeconds;
        var qubits = solver.Capabilities.MaxQubits is { } maxQubits ? Math.Min(problemSize, maxQubits) : 0;
        var cost = seconds * threads * CoreSecondPrice(backend)
            + qubits * seconds * QubitSecondPrice(backend)
            + shots * ShotPrice(backend);
        return RoundUp(cost);
    }

    /// <summary>
    /// The ledger entries of one attempt: one per resource it consumed (core-seconds, qubit-seconds, shots), with ids
    /// <c>attempt-{n}/core-seconds</c>, <c>attempt-{n}/qubit-seconds</c> and <c>attempt-{n}/shots</c>, so recording
    /// them again (a retried report, a resumed job) changes nothing. Resources the attempt did not use get no entry.
    /// </summary>
    public IReadOnlyList<CostEntry> Price(AttemptOutcome outcome, string backend)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentException.ThrowIfNullOrEmpty(backend);
        var at = clock.GetUtcNow();
        var entries = new List<CostEntry>(3);
        Add(CostResource.CoreSeconds, "core-seconds", ToQuantity(outcome.CoreSeconds, nameof(outcome.CoreSeconds)), CoreSecondPrice(backend));
        Add(CostResource.QubitSeconds, "qubit-seconds", ToQuantity(outcome.QubitSeconds, nameof(outcome.QubitSeconds)), QubitSecondPrice(backend));
        Add(CostResource.Shots, "shots", ToQuantity(outcome.Shots, nameof(outcome.Shots)), ShotPrice(backend));
        return entries;

        void Add(CostResource resource, string resourceId, decimal quantity, decimal unitPrice)
        {
            if (quantity == 0)
                return;
            entries.Add(new CostEntry
            {
                EntryId = EntryId(outcome.Attempt, resourceId),
                Attempt = outcome.Attempt,
                Backend = backend,
                Resource = resource,
                Quantity = quantity,
                UnitPrice = unitPrice,
                Amount = Round(quantity * unitPrice),
                At = at,
            });
        }
    }

    /// <summary>Rounds half-even to the currency's minor unit: the rounding of every ledger entry.</summary>
    public decimal Round(decimal amount) => Math.Round(amount, _options.DecimalPlaces, MidpointRounding.ToEven);

    /// <summary>The idempotency key of an attempt's charge for one resource.</summary>
    public static string EntryId(int attempt, string resourceId) => $"attempt-{attempt}/{resourceId}";

    private decimal RoundUp(decimal amount) => Math.Round(amount, _options.DecimalPlaces, MidpointRounding.ToPositiveInfinity);

    private decimal CoreSecondPrice(string backend) => Override(backend)?.CoreSecond ?? _options.CoreSecond;

    private decimal QubitSecondPrice(string backend) => Override(backend)?.QubitSecond ?? _options.QubitSecond;

    private decimal ShotPrice(string backend) => Override(backend)?.Shot ?? _options.Shot;

    private BackendPrices? Override(string backend) => _options.Backends.GetValueOrDefault(backend);

    private static decimal ToQuantity(double value, string name) =>
        double.IsFinite(value) && value >= 0
            ? (decimal)value
            : throw new ArgumentOutOfRangeException(name, value, $"An attempt's {name} must be a finite, non-negative number.");
}
