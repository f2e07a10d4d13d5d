using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using QuantumScheduler.Runtime.Persistence.Tests.Fakes;
using QuantumScheduler.Runtime.Reminders;
using QuantumScheduler.Runtime.Storage;

namespace QuantumScheduler.Runtime.Persistence.Tests.Reminders;

/// <summary>A reminder service on a fake clock, over a given table, firing into fake grains.</summary>
public sealed class ReminderHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Epoch = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public ReminderHarness(IReminderTable table, FakeTimeProvider? time = null, ReminderOptions? options = null, IReminderRangeProvider? ranges = null)
    {
        Table = table;
        Time = time ?? new FakeTimeProvider(Epoch);
        Grains = new FakeGrainFactory(Log);
        var wrapped = Options.Create(options ?? new ReminderOptions { RefreshReminderListPeriod = TimeSpan.FromHours(1), ReminderLoadingWindow = TimeSpan.FromHours(2) });
        Local = new LocalReminderService(table, Grains, ranges ?? new SingleSiloReminderRangeProvider(), wrapped, Time, NullLogger<LocalReminderService>.Instance);
        Registry = new ReminderService(table, Local, wrapped, Time);
    }

    public IReminderTable Table { get; }

    public FakeTimeProvider Time { get; }

    public TickLog Log { get; } = new();

    public FakeGrainFactory Grains { get; }

    public LocalReminderService Local { get; }

    public ReminderService Registry { get; }

    public DateTime Now => Time.GetUtcNow().UtcDateTime;

    public Task StartAsync() => Local.StartAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Local.StopAsync(CancellationToken.None);
        Local.Dispose();
    }

    /// <summary>Moves the clock in steps of <paramref name="step"/>, so every tick on the way fires on time.</summary>
    public void Advance(TimeSpan total, TimeSpan step)
    {
        for (var moved = TimeSpan.Zero; moved < total; moved += step)
            Time.Advance(step);
    }
}
