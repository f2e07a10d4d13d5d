using QuantumScheduler.Grains.Jobs;

namespace QuantumScheduler.Grains.Tests.Jobs;

public sealed class JobLifecycleTests
{
    [Theory]
    [InlineData(JobState.Submitted, JobState.Queued)]
    [InlineData(JobState.Submitted, JobState.Completed)]
    [InlineData(JobState.Queued, JobState.Running)]
    [InlineData(JobState.Running, JobState.Queued)]
    [InlineData(JobState.Running, JobState.Incomplete)]
    [InlineData(JobState.Running, JobState.Cancelled)]
    public void Allowed_transitions(JobState from, JobState to) => Assert.True(JobLifecycle.CanMove(from, to));

    [Fact]
    public void Nothing_leaves_a_terminal_state_so_a_job_ends_exactly_once()
    {
        var terminal = Enum.GetValues<JobState>().Where(static s => s.IsTerminal()).ToList();

        Assert.Equal(4, terminal.Count);
        Assert.All(terminal, from => Assert.All(Enum.GetValues<JobState>(), to => Assert.False(JobLifecycle.CanMove(from, to))));
        var error = Assert.Throws<InvalidOperationException>(() => JobLifecycle.EnsureCanMove("job-1", JobState.Completed, JobState.Failed));
        Assert.Equal("Job job-1 cannot move from Completed to Failed.", error.Message);
    }

    [Fact]
    public void A_queued_job_cannot_complete_without_running() => Assert.False(JobLifecycle.CanMove(JobState.Queued, JobState.Completed));
}
