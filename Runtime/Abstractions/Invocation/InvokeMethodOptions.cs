namespace QuantumScheduler.Runtime.Invocation;

/// <summary>Scheduling flags of an interface method, taken from its attributes at compile time.</summary>
[Flags]
public enum InvokeMethodOptions
{
    None = 0,

    /// <summary><c>[ReadOnly]</c>: may interleave with other read-only calls.</summary>
    ReadOnly = 1,

    /// <summary><c>[AlwaysInterleave]</c>: may interleave with anything.</summary>
    AlwaysInterleave = 2,

    /// <summary><c>[OneWay]</c>: no response is sent.</summary>
    OneWay = 4,
}
