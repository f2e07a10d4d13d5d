namespace QuantumScheduler.Runtime.Persistence.Tests.Persistence;

public sealed class CoalescedStateWriterTests
{
    [Fact]
    public async Task Calls_made_while_a_write_is_in_flight_share_the_next_write_and_complete_only_after_it()
    {
        var writes = new WriteLog();
        var writer = new CoalescedStateWriter(writes.WriteAsync);

        var first = writer.WriteAsync();
        var joined = Enumerable.Range(0, 5).Select(_ => writer.WriteAsync()).ToArray();
        writes.Finish(0);
        await first;
        await writes.StartedAsync(2);

        Assert.All(joined, static task => Assert.False(task.IsCompleted));
        writes.Finish(1);
        await Task.WhenAll(joined);
        Assert.Equal(2, writes.Started);
    }

    [Fact]
    public async Task Every_caller_of_a_failed_write_gets_its_exception_and_the_writer_goes_on()
    {
        var writes = new WriteLog();
        var writer = new CoalescedStateWriter(writes.WriteAsync);

        var first = writer.WriteAsync();
        var joined = Enumerable.Range(0, 3).Select(_ => writer.WriteAsync()).ToArray();
        writes.Finish(0);
        await writes.StartedAsync(2);
        writes.Fail(1, new IOException("disk full"));
        var later = writer.WriteAsync();
        await writes.StartedAsync(3);
        writes.Finish(2);

        await first;
        foreach (var task in joined)
            Assert.Equal("disk full", (await Assert.ThrowsAsync<IOException>(() => task)).Message);
        await later;
    }

    [Fact]
    public async Task WhenDurable_is_immediate_when_idle_and_otherwise_waits_for_a_write_that_covers_it()
    {
        var writes = new WriteLog();
        var writer = new CoalescedStateWriter(writes.WriteAsync);
        Assert.True(writer.WhenDurableAsync().IsCompletedSuccessfully);

        var first = writer.WriteAsync();
        var durable = writer.WhenDurableAsync();
        writes.Finish(0);
        await first;
        await writes.StartedAsync(2);
        Assert.False(durable.IsCompleted);
        writes.Finish(1);
        await durable;
    }

    /// <summary>Writes that each wait until the test finishes (or fails) them, in order.</summary>
    private sealed class WriteLog
    {
        private readonly List<TaskCompletionSource> _writes = [];
        private readonly SemaphoreSlim _started = new(0);

        public int Started
        {
            get
            {
                lock (_writes)
                    return _writes.Count;
            }
        }

        public Task WriteAsync()
        {
            var write = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_writes)
                _writes.Add(write);
            _started.Release();
            return write.Task;
        }

        public async Task StartedAsync(int count)
        {
            while (Started < count)
            {
                if (!await _started.WaitAsync(TimeSpan.FromSeconds(30)))
                    throw new TimeoutException($"only {Started} of {count} writes started");
            }
        }

        public void Finish(int index) => Get(index).SetResult();

        public void Fail(int index, Exception exception) => Get(index).SetException(exception);

        private TaskCompletionSource Get(int index)
        {
            lock (_writes)
                return _writes[index];
        }
    }
}
