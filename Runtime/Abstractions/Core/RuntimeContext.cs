namespace QuantumScheduler.Runtime;

/// <summary>The grain context being constructed on this thread, so <see cref="Grain"/>'s parameterless
/// constructor (called by generated factories) can find its activation.</summary>
public static class RuntimeContext
{
    [ThreadStatic]
    private static IGrainContext? t_current;

    /// <summary>The activation whose grain instance is being constructed on this thread, if any.</summary>
    public static IGrainContext? Current => t_current;

    /// <summary>Makes <paramref name="context"/> current until the returned scope is disposed.</summary>
    internal static ConstructionScope Enter(IGrainContext context)
    {
        var previous = t_current;
        t_current = context;
        return new ConstructionScope(previous);
    }

    internal readonly struct ConstructionScope(IGrainContext? previous) : IDisposable
    {
        public void Dispose() => t_current = previous;
    }
}
