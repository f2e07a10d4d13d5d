namespace QuantumScheduler.Runtime;

/// <summary>
/// Ambient key/value pairs that travel with every call this flow makes: copied into each outgoing request
/// and visible to the callee and to the calls it makes in turn. Nothing flows back with the response.
/// Values must be serialisable and small; callers can set anything, so never trust them for security.
/// </summary>
public static class RequestContext
{
    private static readonly AsyncLocal<RequestContextData?> Current = new();

    /// <summary>Keys set in the current flow.</summary>
    public static IEnumerable<string> Keys => Current.Value?.Values.Keys ?? Enumerable.Empty<string>();

    /// <summary>Whether a call from this flow may re-enter a non-reentrant grain already in its call chain.</summary>
    public static bool IsCallChainReentrancyAllowed => Current.Value?.AllowCallChainReentrancy ?? false;

    public static void Set(string key, object value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        var data = Current.Value;
        var values = data is null ? new Dictionary<string, object>(StringComparer.Ordinal) : new Dictionary<string, object>(data.Values, StringComparer.Ordinal);
        values[key] = value;
        Current.Value = new RequestContextData(values, data?.AllowCallChainReentrancy ?? false);
    }

    public static object? Get(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Current.Value is { } data && data.Values.TryGetValue(key, out var value) ? value : null;
    }

    public static bool Remove(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var data = Current.Value;
        if (data is null || !data.Values.ContainsKey(key))
            return false;
        var values = new Dictionary<string, object>(data.Values, StringComparer.Ordinal);
        values.Remove(key);
        Current.Value = RequestContextData.Create(values, data.AllowCallChainReentrancy);
        return true;
    }

    /// <summary>Removes every value (the reentrancy setting stays).</summary>
    public static void Clear()
    {
        if (Current.Value is { } data)
            Current.Value = RequestContextData.Create(RequestContextData.NoValues, data.AllowCallChainReentrancy);
    }

    /// <summary>
    /// Until the scope is disposed, calls made from this flow (and the calls they make) may re-enter a
    /// non-reentrant grain that is waiting further up the same call chain, so A → B → A completes instead
    /// of failing as a call cycle.
    /// </summary>
    public static ReentrancySection AllowCallChainReentrancy() => SetReentrancy(true);

    /// <summary>Until the scope is disposed, calls from this flow do not re-enter grains up the call chain.</summary>
    public static ReentrancySection SuppressCallChainReentrancy() => SetReentrancy(false);

    /// <summary>The engine's view: the data a new outgoing message carries, or null when there is none.</summary>
    internal static RequestContextData? CurrentData
    {
        get => Current.Value;
        set => Current.Value = value;
    }

    private static ReentrancySection SetReentrancy(bool allow)
    {
        var previous = Current.Value;
        Current.Value = RequestContextData.Create(previous?.Values ?? RequestContextData.NoValues, allow);
        return new ReentrancySection(previous);
    }

    /// <summary>Restores the reentrancy setting that was in force when the section began.</summary>
    public readonly struct ReentrancySection : IDisposable
    {
        private readonly RequestContextData? _previous;
        private readonly bool _active;

        internal ReentrancySection(RequestContextData? previous)
        {
            _previous = previous;
            _active = true;
        }

        public void Dispose()
        {
            if (!_active)
                return;
            var current = Current.Value;
            Current.Value = RequestContextData.Create(current?.Values ?? RequestContextData.NoValues, _previous?.AllowCallChainReentrancy ?? false);
        }
    }
}

/// <summary>An immutable snapshot of a flow's request context, as carried by a message.</summary>
internal sealed class RequestContextData(IReadOnlyDictionary<string, object> values, bool allowCallChainReentrancy)
{
    public static readonly IReadOnlyDictionary<string, object> NoValues = new Dictionary<string, object>();

    public IReadOnlyDictionary<string, object> Values { get; } = values;

    public bool AllowCallChainReentrancy { get; } = allowCallChainReentrancy;

    /// <summary>Null when there is nothing to carry, so the common call pays nothing.</summary>
    public static RequestContextData? Create(IReadOnlyDictionary<string, object> values, bool allowCallChainReentrancy) =>
        values.Count == 0 && !allowCallChainReentrancy ? null : new RequestContextData(values, allowCallChainReentrancy);
}
