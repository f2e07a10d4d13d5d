namespace QuantumScheduler.Runtime.Invocation;

/// <summary>The outcome of one call: a result or an exception. Serialised back to the caller.</summary>
public abstract class Response
{
    public static Response Completed { get; } = new VoidResponse();

    public static Response FromResult<T>(T result) => new Response<T> { TypedResult = result };

    public static Response FromException(Exception exception) => new ExceptionResponse(exception);

    /// <summary>The result boxed, for filters and logs; null for void methods and exceptions.</summary>
    public abstract object? Result { get; }

    public virtual Exception? Exception => null;

    /// <summary>The typed result, or the exception rethrown with its original stack.</summary>
    public T GetResult<T>()
    {
        if (Exception is { } exception)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception);
        return this is Response<T> typed ? typed.TypedResult : (T)Result!;
    }
}

/// <summary>A successful result of type <typeparamref name="T"/>, unboxed.</summary>
public sealed class Response<T> : Response
{
    public T TypedResult { get; init; } = default!;
    public override object? Result => TypedResult;
}

/// <summary>A successful call of a method returning Task or ValueTask.</summary>
public sealed class VoidResponse : Response
{
    public override object? Result => null;
}

/// <summary>A call that failed; the exception travels to the caller with its type and message.</summary>
public sealed class ExceptionResponse(Exception exception) : Response
{
    public override object? Result => null;
    public override Exception Exception { get; } = exception;
}
