namespace QuantumScheduler.Grains.Configuration;

/// <summary>
/// Prices of the resources a solve consumes, bound from <c>QuantumScheduler:Pricing</c>. Money is <see cref="decimal"/>
/// in <see cref="Currency"/>; amounts are rounded half-even to <see cref="DecimalPlaces"/>.
/// </summary>
public sealed class PricingOptions
{
    public const string SectionName = "QuantumScheduler:Pricing";

    public string Currency { get; set; } = "USD";

    /// <summary>Rounding of each ledger entry. Default 6 places (micro-units), so small solves are not free.</summary>
    public int DecimalPlaces { get; set; } = 6;

    /// <summary>Default price per core-second of classical compute. Default 0.00005.</summary>
    public decimal CoreSecond { get; set; } = 0.00005m;

    /// <summary>Default price per qubit-second of simulated (or hardware) quantum compute. Default 0.0001.</summary>
    public decimal QubitSecond { get; set; } = 0.0001m;

    /// <summary>Default price per shot (sample). Default 0.000001.</summary>
    public decimal Shot { get; set; } = 0.000001m;

    /// <summary>Per-backend overrides of the three prices.</summary>
    public Dictionary<string, BackendPrices> Backends { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>One backend's prices; null members use the defaults.</summary>
public sealed class BackendPrices
{
    public decimal? CoreSecond { get; set; }
    public decimal? QubitSecond { get; set; }
    public decimal? Shot { get; set; }
}
