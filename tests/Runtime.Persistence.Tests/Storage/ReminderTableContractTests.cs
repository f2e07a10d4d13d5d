using QuantumScheduler.Runtime.Reminders;
using QuantumScheduler.Runtime.Storage;

namespace QuantumScheduler.Runtime.Persistence.Tests.Storage;

/// <summary>What every <see cref="IReminderTable"/> must do; run once per provider by the derived classes.</summary>
public abstract class ReminderTableContractTests : IDisposable
{
    private static readonly DateTime Start = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>A fresh, empty table.</summary>
    protected abstract IReminderTable Table { get; }

    public virtual void Dispose() => GC.SuppressFinalize(this);

    protected static ReminderEntry Entry(GrainId grain, string name, int minutes = 5) => new()
    {
        GrainId = grain,
        ReminderName = name,
        StartAt = Start.AddTicks(123_456_789),
        Period = TimeSpan.FromMinutes(minutes) + TimeSpan.FromTicks(7),
    };

    protected static GrainId Grain(int i) => new("job", $"j{i}");

    [Fact]
    public async Task Upsert_then_read_returns_the_row_exactly_with_its_etag()
    {
        var entry = Entry(Grain(1), "tick");
        var etag = await Table.UpsertRowAsync(entry, CancellationToken.None);

        var row = await Table.ReadRowAsync(entry.GrainId, "tick", CancellationToken.None);

        Assert.Equal(entry with { ETag = etag }, row);
        Assert.Equal(DateTimeKind.Utc, row!.StartAt.Kind);
    }

    [Fact]
    public async Task Read_of_a_missing_row_is_null()
    {
        Assert.Null(await Table.ReadRowAsync(Grain(1), "none", CancellationToken.None));
        Assert.Empty(await Table.ReadRowsAsync(Grain(1), CancellationToken.None));
    }

    [Fact]
    public async Task Upsert_of_an_existing_name_replaces_it_with_a_new_etag()
    {
        var first = await Table.UpsertRowAsync(Entry(Grain(1), "tick", minutes: 5), CancellationToken.None);
        var second = await Table.UpsertRowAsync(Entry(Grain(1), "tick", minutes: 9), CancellationToken.None);

        var rows = await Table.ReadRowsAsync(Grain(1), CancellationToken.None);

        Assert.NotEqual(first, second);
        var row = Assert.Single(rows);
        Assert.Equal(second, row.ETag);
        Assert.Equal(TimeSpan.FromMinutes(9) + TimeSpan.FromTicks(7), row.Period);
        Assert.False(await Table.RemoveRowAsync(Grain(1), "tick", first, CancellationToken.None));
        Assert.NotNull(await Table.ReadRowAsync(Grain(1), "tick", CancellationToken.None));
    }

    [Fact]
    public async Task Read_by_grain_returns_only_that_grains_rows()
    {
        await Table.UpsertRowAsync(Entry(Grain(1), "a"), CancellationToken.None);
        await Table.UpsertRowAsync(Entry(Grain(1), "b"), CancellationToken.None);
        await Table.UpsertRowAsync(Entry(Grain(2), "a"), CancellationToken.None);

        var rows = await Table.ReadRowsAsync(Grain(1), CancellationToken.None);

        Assert.Equal(["a", "b"], rows.Select(r => r.ReminderName).Order());
        Assert.All(rows, row => Assert.Equal(Grain(1), row.GrainId));
    }

    [Fact]
    public async Task Remove_needs_the_current_etag()
    {
        var etag = await Table.UpsertRowAsync(Entry(Grain(1), "tick"), CancellationToken.None);

        Assert.False(await Table.RemoveRowAsync(Grain(1), "tick", etag + "0", CancellationToken.None));
        Assert.False(await Table.RemoveRowAsync(Grain(1), "tick", "garbage", CancellationToken.None));
        Assert.NotNull(await Table.ReadRowAsync(Grain(1), "tick", CancellationToken.None));
        Assert.True(await Table.RemoveRowAsync(Grain(1), "tick", etag, CancellationToken.None));
        Assert.Null(await Table.ReadRowAsync(Grain(1), "tick", CancellationToken.None));
        Assert.False(await Table.RemoveRowAsync(Grain(1), "tick", etag, CancellationToken.None));
    }

    [Fact]
    public async Task An_etag_is_never_reused_after_a_remove_and_a_new_registration()
    {
        var old = await Table.UpsertRowAsync(Entry(Grain(1), "tick"), CancellationToken.None);
        Assert.True(await Table.RemoveRowAsync(Grain(1), "tick", old, CancellationToken.None));

        var renewed = await Table.UpsertRowAsync(Entry(Grain(1), "tick"), CancellationToken.None);

        Assert.NotEqual(old, renewed);
        Assert.False(await Table.RemoveRowAsync(Grain(1), "tick", old, CancellationToken.None));
    }

    [Fact]
    public async Task Range_reads_are_begin_exclusive_end_inclusive_and_wrap_around()
    {
        var grains = Enumerable.Range(0, 64).Select(Grain).ToArray();
        foreach (var grain in grains)
            await Table.UpsertRowAsync(Entry(grain, "tick"), CancellationToken.None);
        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToArray();
        var (low, high) = (hashes[10], hashes[50]);

        var inner = await ReadHashesAsync(low, high);
        var wrapped = await ReadHashesAsync(high, low);
        var whole = await ReadHashesAsync(low, low);

        Assert.Equal(hashes[11..51], inner);
        Assert.Equal([.. hashes[..11], .. hashes[51..]], wrapped);
        Assert.Equal(hashes, whole);
        Assert.Equal(hashes, await ReadHashesAsync(RingRange.Full.Begin, RingRange.Full.End));
    }

    [Fact]
    public async Task A_row_that_is_not_utc_or_has_no_positive_period_is_rejected()
    {
        var local = Entry(Grain(1), "local") with { StartAt = DateTime.SpecifyKind(Start, DateTimeKind.Unspecified) };
        var still = Entry(Grain(1), "still") with { Period = TimeSpan.Zero };

        var notUtc = await Assert.ThrowsAsync<ArgumentException>(() => Table.UpsertRowAsync(local, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Table.UpsertRowAsync(still, CancellationToken.None));

        Assert.Contains("'local'", notUtc.Message);
        Assert.Empty(await Table.ReadRowsAsync(Grain(1), CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_upserts_of_one_name_leave_one_row_with_the_last_writers_etag()
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = Enumerable.Range(1, 6).Select(minutes => Task.Run(async () =>
        {
            await start.Task;
            return await Table.UpsertRowAsync(Entry(Grain(1), "tick", minutes), CancellationToken.None);
        })).ToArray();

        start.SetResult();
        var etags = await Task.WhenAll(writers);

        Assert.Equal(etags.Length, etags.Distinct().Count());
        var row = Assert.Single(await Table.ReadRowsAsync(Grain(1), CancellationToken.None));
        Assert.Contains(row.ETag, etags);
        Assert.Equal(TimeSpan.FromMinutes(Array.IndexOf(etags, row.ETag) + 1) + TimeSpan.FromTicks(7), row.Period);
    }

    [Fact]
    public async Task Cancelled_operations_throw_and_change_nothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Table.UpsertRowAsync(Entry(Grain(1), "tick"), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Table.ReadRowsAsync(0, 0, cancelled.Token));

        Assert.Empty(await Table.ReadRowsAsync(Grain(1), CancellationToken.None));
    }

    private async Task<uint[]> ReadHashesAsync(uint begin, uint end) =>
        (await Table.ReadRowsAsync(begin, end, CancellationToken.None)).Select(r => r.GrainId.GetUniformHashCode()).Order().ToArray();
}
