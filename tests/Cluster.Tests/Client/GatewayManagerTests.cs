using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using QuantumScheduler.Runtime.Client;
using QuantumScheduler.Runtime.Client.Gateways;
using QuantumScheduler.Runtime.Networking;

namespace QuantumScheduler.Cluster.Tests.Client;

/// <summary>Which gateway the client tries next.</summary>
public sealed class GatewayManagerTests
{
    private static readonly SiloEndpoint A = new("127.0.0.1", 1001);
    private static readonly SiloEndpoint B = new("127.0.0.1", 1002);
    private readonly FakeTimeProvider _time = new();
    private readonly ListProvider _provider = new();

    [Fact]
    public async Task A_failed_gateway_is_skipped_until_its_retry_period_passes()
    {
        _provider.Gateways = [A, B];
        await using var gateways = await StartAsync();

        gateways.MarkFailed(A, "refused");

        Assert.All(Enumerable.Range(0, 10), _ => Assert.Equal(B, gateways.Pick([])));
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Contains(A, Enumerable.Range(0, 10).Select(_ => gateways.Pick([])));
    }

    [Fact]
    public async Task When_every_gateway_failed_they_are_tried_anyway_and_excluded_ones_never()
    {
        _provider.Gateways = [A, B];
        await using var gateways = await StartAsync();
        gateways.MarkFailed(A, "refused");
        gateways.MarkFailed(B, "refused");

        Assert.Equal(A, gateways.Pick([B]));
        Assert.Null(gateways.Pick([A, B]));
    }

    [Fact]
    public async Task A_failed_read_keeps_the_previous_list()
    {
        _provider.Gateways = [A];
        await using var gateways = await StartAsync();

        _provider.Failure = new InvalidOperationException("database down");
        await Assert.ThrowsAsync<InvalidOperationException>(() => gateways.RefreshAsync(CancellationToken.None));

        Assert.Equal([A], gateways.Gateways);
    }

    private async Task<GatewayManager> StartAsync()
    {
        var manager = new GatewayManager(_provider, Options.Create(new ClientOptions()), _time, NullLogger<GatewayManager>.Instance);
        await manager.StartAsync(CancellationToken.None);
        return manager;
    }

    private sealed class ListProvider : IGatewayListProvider
    {
        public IReadOnlyList<SiloEndpoint> Gateways { get; set; } = [];

        public Exception? Failure { get; set; }

        public string Description => "a test list";

        public Task<IReadOnlyList<SiloEndpoint>> GetGatewaysAsync(CancellationToken cancellationToken) =>
            Failure is null ? Task.FromResult(Gateways) : Task.FromException<IReadOnlyList<SiloEndpoint>>(Failure);
    }
}
