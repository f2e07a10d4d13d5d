using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.TestingHost;
using Xunit;

namespace QuantumScheduler.Runtime.Tests;

public sealed class OptionsTests
{
    [Theory]
    [InlineData("QuantumScheduler:Messaging:ResponseTimeout", "-00:00:01")]
    [InlineData("QuantumScheduler:GrainCollection:CollectionAge", "00:00:00")]
    [InlineData("QuantumScheduler:GrainCollection:CollectionQuantum", "-00:01:00")]
    public async Task An_invalid_value_stops_the_start_naming_its_key(string key, string value)
    {
        await using var cluster = new TestClusterBuilder().AddConfiguration(key, value).Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(cluster.DeployAsync);

        Assert.Contains(key, failure.Message);
    }

    [Fact]
    public async Task An_unparsable_value_stops_the_start_naming_its_key()
    {
        await using var cluster = new TestClusterBuilder().AddConfiguration("QuantumScheduler:Messaging:ResponseTimeout", "soon").Build();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(cluster.DeployAsync);

        Assert.Contains("QuantumScheduler:Messaging:ResponseTimeout", failure.Message);
    }
}
