using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using QuantumScheduler.Grains.Budgets;
using QuantumScheduler.Grains.Errors;
using QuantumScheduler.Grains.Jobs;
using QuantumScheduler.Grains.Tests.Jobs.Fixtures;
using QuantumScheduler.Runtime;
using QuantumScheduler.Runtime.Storage;

namespace QuantumScheduler.Grains.Tests.Jobs;

/// <summary>A queued job must have its resume reminder (it is what carries the job past a silo's death), so a submit
/// whose reminder cannot be stored is refused like any other, and leaves nothing behind.</summary>
public sealed class UnstoredReminderTests
{
    [Fact]
    public async Task A_submit_whose_reminder_cannot_be_stored_fails_and_leaves_no_job_and_no_reservation()
    {
        await using var cluster = await SchedulingCluster.Builder()
            .ConfigureSilo(silo => silo.Services.Replace(ServiceDescriptor.Singleton<IReminderTable>(new RefusingReminderTable())))
            .Build().DeployAndReturnAsync();
        var submission = SchedulingCluster.Submission("team-with-skills.json");
        var job = cluster.Client.GetGrain<ISchedulingJobGrain>(JobIds.New());

        var error = await Assert.ThrowsAnyAsync<Exception>(() => job.SubmitAsync(submission));

        Assert.Contains(RefusingReminderTable.Refusal, error.Message);
        await Assert.ThrowsAsync<JobNotFoundException>(() => job.GetStatusAsync());
        var budget = await cluster.Client.GetGrain<IBudgetGrain>(submission.Tenant).GetStatusAsync();
        Assert.Equal((0m, 0), (budget.Reserved, budget.OpenReservations));
    }

    private sealed class RefusingReminderTable : IReminderTable
    {
        public const string Refusal = "the reminder table is unavailable (test)";

        private readonly InMemoryReminderTable _rows = new();

        public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(uint beginHash, uint endHash, CancellationToken cancellationToken) =>
            _rows.ReadRowsAsync(beginHash, endHash, cancellationToken);

        public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken) =>
            _rows.ReadRowsAsync(grainId, cancellationToken);

        public Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken) =>
            _rows.ReadRowAsync(grainId, reminderName, cancellationToken);

        public Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken) =>
            Task.FromException<string>(new IOException(Refusal));

        public Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string etag, CancellationToken cancellationToken) =>
            _rows.RemoveRowAsync(grainId, reminderName, etag, cancellationToken);
    }
}
