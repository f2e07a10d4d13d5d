using QuantumScheduler.Grains.Jobs;

namespace QuantumScheduler.Grains.Tests;

public sealed class ContractTests
{
    [Fact]
    public void A_client_request_id_names_the_same_job_for_the_same_tenant_only()
    {
        Assert.Equal(JobIds.ForClientRequest("acme", "r-1"), JobIds.ForClientRequest("acme", "r-1"));
        Assert.NotEqual(JobIds.ForClientRequest("acme", "r-1"), JobIds.ForClientRequest("other", "r-1"));
        Assert.NotEqual(JobIds.New(), JobIds.New());
    }

    [Theory]
    [InlineData(JobState.Submitted, false)]
    [InlineData(JobState.Running, false)]
    [InlineData(JobState.Completed, true)]
    [InlineData(JobState.Cancelled, true)]
    public void Terminal_states_are_the_last_four(JobState state, bool terminal) => Assert.Equal(terminal, state.IsTerminal());
}
