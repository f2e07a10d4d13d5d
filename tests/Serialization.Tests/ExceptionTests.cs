using QuantumScheduler.Runtime.Invocation;
using Xunit;

namespace QuantumScheduler.Runtime.Serialization.Tests;

public sealed class QuotaExceededException(string message) : Exception(message);

public class ExceptionTests
{
    private readonly Serializer _serializer = new();

    public static TheoryData<Exception> CommonExceptions() => new()
    {
        new ArgumentException("bad argument", "name"),
        new ArgumentNullException("value", "value is missing"),
        new ArgumentOutOfRangeException("index", 5, "too far"),
        new InvalidOperationException("not now"),
        new TimeoutException("too slow"),
        new KeyNotFoundException("no such key"),
        new NotSupportedException("nope"),
        new OperationCanceledException("cancelled"),
        new TaskCanceledException("task cancelled"),
        new FormatException("bad format"),
        new InconsistentStateException("etag mismatch", "1", "2"),
        new QuotaExceededException("quota of 10 exceeded"),
    };

    [Theory]
    [MemberData(nameof(CommonExceptions))]
    public void Known_exceptions_keep_their_type_and_message(Exception exception)
    {
        var copy = _serializer.RoundTrip(exception);

        Assert.IsType(exception.GetType(), copy);
        Assert.Equal(exception.Message, copy.Message);
    }

    [Fact]
    public void Inner_exception_and_stack_trace_travel()
    {
        Exception thrown;
        try
        {
            try
            {
                throw new KeyNotFoundException("inner");
            }
            catch (Exception inner)
            {
                throw new InvalidOperationException("outer", inner);
            }
        }
        catch (Exception e)
        {
            thrown = e;
        }

        var copy = _serializer.RoundTrip(thrown);

        Assert.IsType<InvalidOperationException>(copy);
        Assert.Equal("outer", copy.Message);
        Assert.IsType<KeyNotFoundException>(copy.InnerException);
        Assert.Equal("inner", copy.InnerException!.Message);
        Assert.Contains(nameof(Inner_exception_and_stack_trace_travel), copy.StackTrace);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Whether_a_lost_call_may_have_run_travels_with_it_so_the_receiver_does_not_resend_it(bool mayHaveRun)
    {
        // A gateway or a calling silo resends retryable refusals: a lost call read back as one could run twice.
        var response = _serializer.RoundTrip<Response>(Response.FromException(new SiloUnavailableException("silo S was lost", mayHaveRun)));

        var copy = Assert.IsType<SiloUnavailableException>(response.Exception);
        Assert.Equal(mayHaveRun, copy.MayHaveRun);
        Assert.Equal(!mayHaveRun, copy.IsRetryable);
        Assert.Equal("silo S was lost", copy.Message);
    }

    [Fact]
    public void Unknown_exception_type_becomes_a_remote_exception_with_the_original_name()
    {
        var copy = _serializer.RoundTrip<Exception>(new PrivateException("secret failure"));

        var remote = Assert.IsType<RemoteException>(copy);
        Assert.Equal(typeof(PrivateException).FullName, remote.OriginalTypeName);
        Assert.Equal("secret failure", remote.Message);
        // A second hop keeps the original name, not RemoteException's.
        Assert.Equal(typeof(PrivateException).FullName, Assert.IsType<RemoteException>(_serializer.RoundTrip<Exception>(remote)).OriginalTypeName);
    }

    [Fact]
    public void Exception_response_round_trips_and_rethrows_the_same_type()
    {
        var response = _serializer.RoundTrip(Response.FromException(new TimeoutException("late")));

        var error = Assert.Throws<TimeoutException>(() => response.GetResult<int>());
        Assert.Equal("late", error.Message);
    }

    [Fact]
    public void Responses_round_trip()
    {
        Assert.Equal(42, _serializer.RoundTrip(Response.FromResult(42)).GetResult<int>());
        Assert.Equal(new Point(1, 2), _serializer.RoundTrip(Response.FromResult(new Point(1, 2))).GetResult<Point>());
        Assert.Same(Response.Completed, _serializer.RoundTrip(Response.Completed));
        Assert.Null(_serializer.RoundTrip(Response.FromResult<string?>(null)).GetResult<string?>());
    }

    [Fact]
    public void Responses_of_interface_collections_and_nullables_round_trip_as_response()
    {
        // The engine sends every response as Response, so the result type becomes a recorded type argument.
        Assert.Equal([new Point(1, 2)], _serializer.RoundTrip<Response>(Response.FromResult<IReadOnlyList<Point>>([new Point(1, 2)])).GetResult<IReadOnlyList<Point>>());
        Assert.Equal(4, _serializer.RoundTrip<Response>(Response.FromResult<int?>(4)).GetResult<int?>());
        Assert.Equal(1, _serializer.RoundTrip<Response>(Response.FromResult<IDictionary<string, int>>(new Dictionary<string, int> { ["a"] = 1 })).GetResult<IDictionary<string, int>>()["a"]);
        Assert.Equal([2], _serializer.RoundTrip<Response>(Response.FromResult<IEnumerable<int>>([2])).GetResult<IEnumerable<int>>());
        Assert.Equal([3], _serializer.RoundTrip<Response>(Response.FromResult<IReadOnlySet<int>>(new HashSet<int> { 3 })).GetResult<IReadOnlySet<int>>());
    }

    private sealed class PrivateException(string message) : Exception(message);
}
