using System.Text;
using QuantumScheduler.Runtime.Storage;

namespace QuantumScheduler.Runtime.Persistence.Tests.Storage;

/// <summary>What every <see cref="IGrainStorage"/> must do; run once per provider by the derived classes.</summary>
public abstract class GrainStorageContractTests : IDisposable
{
    protected const string GrainType = "counter";
    protected const string StateName = "count";
    private int _nextGrain;

    /// <summary>A fresh, empty provider.</summary>
    protected abstract IGrainStorage Storage { get; }

    protected GrainId NewGrain() => new(GrainType, $"g{Interlocked.Increment(ref _nextGrain)}-{Guid.NewGuid():N}");

    protected static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    protected static string Text(GrainStateRecord? record) => record is null ? "<none>" : Encoding.UTF8.GetString(record.Data);

    public virtual void Dispose() => GC.SuppressFinalize(this);

    [Fact]
    public async Task Read_of_a_missing_record_is_null()
    {
        Assert.Null(await Storage.ReadAsync(GrainType, StateName, NewGrain(), CancellationToken.None));
    }

    [Fact]
    public async Task Write_then_read_returns_the_data_and_the_new_etag()
    {
        var grain = NewGrain();
        var etag = await Storage.WriteAsync(GrainType, StateName, grain, Bytes("one"), null, CancellationToken.None);

        var record = await Storage.ReadAsync(GrainType, StateName, grain, CancellationToken.None);

        Assert.Equal("one", Text(record));
        Assert.Equal(etag, record!.Etag);
    }

    [Fact]
    public async Task Each_write_returns_a_different_etag()
    {
        var grain = NewGrain();
        var first = await Storage.WriteAsync(GrainType, StateName, grain, Bytes("one"), null, CancellationToken.None);
        var second = await Storage.WriteAsync(GrainType, StateName, grain, Bytes("two"), first, CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.Equal("two", Text(await Storage.ReadAsync(GrainType, StateName, grain, CancellationToken.None)));
    }

    [Fact]
    public async Task An_empty_payload_is_a_record_not_a_clear()
    {
        var grain = NewGrain();
        var etag = await Storage.WriteAsync(GrainType, StateName, grain, ReadOnlyMemory<byte>.Empty, null, CancellationToken.None);

        var record = await Storage.ReadAsync(GrainType, StateName, grain, CancellationToken.None);

        Assert.NotNull(record);
        Assert.Empty(record.Data);
        Assert.Equal(etag, record.Etag);
    }

    [Fact]
    public async Task A_stale_etag_is_rejected_with_both_etags_named_and_nothing_changes()
    {
        var grain = NewGrain();
        var stale = await Storage.WriteAsync(GrainType, StateName, grain, Bytes("one"), null, CancellationToken.None);
        var current = await Storage.WriteAsync(GrainType, StateName, grain, Bytes("two"), stale, CancellationToken.None);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteAsync(GrainType, StateName, grain, Bytes("three"), stale, CancellationToken.None));

        Assert.Equal(stale, error.CurrentEtag);
        Assert.Equal(current, error.StoredEtag);
        Assert.Contains(grain.ToString(), error.Message);
        Assert.Contains($"'{StateName}'", error.Message);
        Assert.Contains($"'{stale}'", error.Message);
        Assert.Contains($"'{current}'", error.Message);
        var record = await Storage.ReadAsync(GrainType, StateName, grain, CancellationToken.None);
        Assert.Equal("two", Text(record));
        Assert.Equal(current, record!.Etag);
    }

    [Fact]
    public async Task An_etag_for_a_missing_record_is_rejected()
    {
        var grain = NewGrain();

        var error = await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteAsync(GrainType, StateName, grain, Bytes("x"), "1", CancellationToken.None));

        Assert.Null(error.StoredEtag);
        Assert.Null(await Storage.ReadAsync(GrainType, StateName, grain, CancellationToken.None));
    }

    [Fact]
    public async Task A_malformed_etag_is_rejected_as_a_mismatch()
    {
        var grain = NewGrain();
        await Storage.WriteAsync(GrainType, StateName, grain, Bytes("one"), null, CancellationToken.None);

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteAsync(GrainType, StateName, grain, Bytes("x"), "not-a-version", CancellationToken.None));

        Assert.Equal("one", Text(await Storage.ReadAsync(GrainType, StateName, grain, CancellationToken.None)));
    }

    [Fact]
    public async Task A_null_etag_only_inserts()
    {
        var grain = NewGrain();
        var etag = await Storage.WriteAsync(GrainType, StateName, grain, Bytes("first"), null, CancellationToken.None);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteAsync(GrainType, StateName, grain, Bytes("second"), null, CancellationToken.None));

        Assert.Null(error.CurrentEtag);
        Assert.Equal(etag, error.StoredEtag);
        Assert.Equal("first", Text(await Storage.ReadAsync(GrainType, StateName, grain, CancellationToken.None)));
    }

    [Fact]
    public async Task States_are_keyed_by_grain_type_state_name_and_grain()
    {
        var grain = NewGrain();
        var other = NewGrain();
        await Storage.WriteAsync(GrainType, StateName, grain, Bytes("a"), null, CancellationToken.None);
        await Storage.WriteAsync(GrainType, "other-state", grain, Bytes("b"), null, CancellationToken.None);
        await Storage.WriteAsync("other-type", StateName, grain, Bytes("c"), null, CancellationToken.None);
        await Storage.WriteAsync(GrainType, StateName, other, Bytes("d"), null, CancellationToken.None);

        Assert.Equal("a", Text(await Storage.ReadAsync(GrainType, StateName, grain, CancellationToken.None)));
        Assert.Equal("b", Text(await Storage.ReadAsync(GrainType, "other-state", grain, CancellationToken.None)));
        Assert.Equal("c", Text(await Storage.ReadAsync("other-type", StateName, grain, CancellationToken.None)));
        Assert.Equal("d", Text(await Storage.ReadAsync(GrainType, StateName, other, CancellationToken.None)));
    }

    [Fact]
    public async Task Two_concurrent_writers_with_the_same_etag_exactly_one_wins()
    {
        const int rounds = 40;
        const int writers = 4;
        var grain = NewGrain();
        var etag = await Storage.WriteAsync(GrainType, StateName, grain, Bytes("start"), null, CancellationToken.None);

        for (var round = 0; round < rounds; round++)
        {
            var (winner, newEtag) = await RaceAsync(grain, etag, writers, round);

            var record = await Storage.ReadAsync(GrainType, StateName, grain, CancellationToken.None);
            Assert.Equal(winner, Text(record));
            Assert.Equal(newEtag, record!.Etag);
            etag = newEtag;
        }
    }

    [Fact]
    public async Task Two_concurrent_first_inserts_exactly_one_wins()
    {
        for (var round = 0; round < 40; round++)
        {
            var grain = NewGrain();
            var (winner, newEtag) = await RaceAsync(grain, expectedEtag: null, writers: 3, round);

            var record = await Storage.ReadAsync(GrainType, StateName, grain, CancellationToken.None);
            Assert.Equal(winner, Text(record));
            Assert.Equal(newEtag, record!.Etag);
        }
    }

    [Fact]
    public async Task Clear_removes_the_record_and_the_old_etag_cannot_write_again()
    {
        var grain = NewGrain();
        var written = await Storage.WriteAsync(GrainType, StateName, grain, Bytes("one"), null, CancellationToken.None);

        var cleared = await Storage.ClearAsync(GrainType, StateName, grain, written, CancellationToken.None);

        Assert.NotEqual(written, cleared);
        Assert.Null(await Storage.ReadAsync(GrainType, StateName, grain, CancellationToken.None));
        var error = await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteAsync(GrainType, StateName, grain, Bytes("resurrected"), written, CancellationToken.None));
        Assert.Equal(cleared, error.StoredEtag);
        Assert.Contains("cleared", error.Message);
        Assert.Null(await Storage.ReadAsync(GrainType, StateName, grain, CancellationToken.None));
    }

    [Fact]
    public async Task After_a_clear_the_tombstone_etag_or_a_fresh_insert_writes_and_versions_keep_moving()
    {
        var grain = NewGrain();
        var written = await Storage.WriteAsync(GrainType, StateName, grain, Bytes("one"), null, CancellationToken.None);
        var cleared = await Storage.ClearAsync(GrainType, StateName, grain, written, CancellationToken.None);

        var rewritten = await Storage.WriteAsync(GrainType, StateName, grain, Bytes("two"), cleared, CancellationToken.None);
        var clearedAgain = await Storage.ClearAsync(GrainType, StateName, grain, rewritten, CancellationToken.None);
        // A new activation reads nothing, so it holds no ETag: its insert takes over the tombstone.
        var inserted = await Storage.WriteAsync(GrainType, StateName, grain, Bytes("three"), null, CancellationToken.None);

        Assert.Equal(5, new[] { written, cleared, rewritten, clearedAgain, inserted }.Distinct().Count());
        Assert.Equal("three", Text(await Storage.ReadAsync(GrainType, StateName, grain, CancellationToken.None)));
        await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteAsync(GrainType, StateName, grain, Bytes("stale"), rewritten, CancellationToken.None));
    }

    [Fact]
    public async Task Clear_with_a_stale_etag_is_rejected_and_the_record_stays()
    {
        var grain = NewGrain();
        var stale = await Storage.WriteAsync(GrainType, StateName, grain, Bytes("one"), null, CancellationToken.None);
        var current = await Storage.WriteAsync(GrainType, StateName, grain, Bytes("two"), stale, CancellationToken.None);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.ClearAsync(GrainType, StateName, grain, stale, CancellationToken.None));

        Assert.Contains("clear", error.Message);
        var record = await Storage.ReadAsync(GrainType, StateName, grain, CancellationToken.None);
        Assert.Equal("two", Text(record));
        Assert.Equal(current, record!.Etag);
    }

    [Fact]
    public async Task Cancelled_operations_throw_and_write_nothing()
    {
        var grain = NewGrain();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Storage.WriteAsync(GrainType, StateName, grain, Bytes("x"), null, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Storage.ReadAsync(GrainType, StateName, grain, cancelled.Token));

        Assert.Null(await Storage.ReadAsync(GrainType, StateName, grain, CancellationToken.None));
    }

    [Fact]
    public async Task A_default_grain_id_is_rejected()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => Storage.WriteAsync(GrainType, StateName, default, Bytes("x"), null, CancellationToken.None));
        Assert.Contains(StateName, error.Message);
    }

    /// <summary>Starts <paramref name="writers"/> writers at once with the same ETag; asserts exactly one succeeds
    /// and every other gets <see cref="InconsistentStateException"/>.</summary>
    private async Task<(string Winner, string Etag)> RaceAsync(GrainId grain, string? expectedEtag, int writers, int round)
    {
        // Released together, and resumed on thread-pool threads, so the writes really overlap.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            var payload = $"round {round} writer {writer}";
            await start.Task;
            try
            {
                return (Payload: payload, Etag: (string?)await Storage.WriteAsync(GrainType, StateName, grain, Bytes(payload), expectedEtag, CancellationToken.None));
            }
            catch (InconsistentStateException)
            {
                return (Payload: payload, Etag: null);
            }
        })).ToArray();

        start.SetResult();
        var results = await Task.WhenAll(attempts);

        var winners = results.Where(r => r.Etag is not null).ToArray();
        Assert.Single(winners);
        return (winners[0].Payload, winners[0].Etag!);
    }
}
