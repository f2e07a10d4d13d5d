using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;

namespace QuantumScheduler.Runtime.Serialization;

/// <summary>
/// The exception types that are rehydrated as themselves (an allow-list, by full name): common runtime
/// exceptions, the runtime's own, and those the code generator registers. Construction uses reflection,
/// which is acceptable here: this is the failure path.
/// </summary>
internal static class KnownExceptions
{
    private static readonly ConcurrentDictionary<string, Type> Types = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<Type, ConstructorInfo?> Constructors = new();

    static KnownExceptions()
    {
        Type[] builtIn =
        [
            typeof(Exception), typeof(ArgumentException), typeof(ArgumentNullException), typeof(ArgumentOutOfRangeException),
            typeof(InvalidOperationException), typeof(NotSupportedException), typeof(NotImplementedException),
            typeof(TimeoutException), typeof(KeyNotFoundException), typeof(OperationCanceledException),
            typeof(TaskCanceledException), typeof(FormatException), typeof(InvalidCastException),
            typeof(NullReferenceException), typeof(IndexOutOfRangeException), typeof(DivideByZeroException),
            typeof(OverflowException), typeof(ArithmeticException), typeof(ObjectDisposedException),
            typeof(UnauthorizedAccessException), typeof(AggregateException), typeof(IOException),
            typeof(InconsistentStateException), typeof(WireFormatException),
            typeof(SiloUnavailableException), typeof(DeadlockException),
        ];
        foreach (var type in builtIn)
            Register(type);
    }

    public static void Register(Type exceptionType) => Types.TryAdd(exceptionType.FullName!, exceptionType);

    /// <summary>The name written for <paramref name="exception"/>: a stand-in keeps the original's name across hops.</summary>
    public static string GetTypeName(Exception exception) =>
        exception is RemoteException remote ? remote.OriginalTypeName : exception.GetType().FullName ?? exception.GetType().Name;

    public static Exception Create(string typeName, string message, string? stackTrace, Exception? innerException, bool mayHaveRun)
    {
        var exception = mayHaveRun && typeName == typeof(SiloUnavailableException).FullName
            ? new SiloUnavailableException(message, mayHaveRun: true)
            : Types.TryGetValue(typeName, out var type) && TryConstruct(type, message, innerException) is { } known
                ? known
                : new RemoteException(typeName, message, innerException);
        if (!string.IsNullOrEmpty(stackTrace))
            ExceptionDispatchInfo.SetRemoteStackTrace(exception, stackTrace);
        return exception;
    }

    private static Exception? TryConstruct(Type type, string message, Exception? innerException)
    {
        var constructor = Constructors.GetOrAdd(type, FindConstructor);
        if (constructor is null)
            return null;
        try
        {
            var arguments = constructor.GetParameters().Length == 2 ? new object?[] { message, innerException } : [message];
            return (Exception)constructor.Invoke(arguments);
        }
        catch (TargetInvocationException)
        {
            return null;
        }
    }

    /// <summary>(string message, Exception inner) first: for ArgumentNullException and friends a lone string
    /// is the parameter name, not the message.</summary>
    private static ConstructorInfo? FindConstructor(Type type) =>
        type.GetConstructor([typeof(string), typeof(Exception)]) ?? type.GetConstructor([typeof(string)]);
}
