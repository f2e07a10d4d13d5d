using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Messaging;
using QuantumScheduler.Runtime.Cluster.Tests.Grains;
using Xunit;

namespace QuantumScheduler.Runtime.Cluster.Tests;

public sealed class ForwardedRequestsTests
{
    private static readonly SiloAddress Lost = new("10.0.0.9", 11111, 1);
    private static readonly SiloAddress Alive = new("10.0.0.8", 11111, 1);

    [Fact]
    public void Requests_forwarded_to_a_lost_silo_are_handed_back_once_and_others_stay()
    {
        var forwarded = new ForwardedRequests();
        var toLost = Request(1, expiresAt: long.MaxValue);
        var toAlive = Request(2, expiresAt: long.MaxValue);
        forwarded.Add(toLost, Lost);
        forwarded.Add(toAlive, Alive);

        Assert.Equal([toLost], forwarded.TakeWhere(silo => silo == Lost));
        Assert.Empty(forwarded.TakeWhere(silo => silo == Lost));
        Assert.Equal([toAlive], forwarded.TakeWhere(silo => silo == Alive));
    }

    [Fact]
    public void Expired_requests_are_dropped_without_an_answer()
    {
        var forwarded = new ForwardedRequests();
        forwarded.Add(Request(1, expiresAt: Environment.TickCount64 - 1), Lost);

        Assert.Empty(forwarded.TakeWhere(silo => silo == Lost));
    }

    private static Message Request(long id, long expiresAt) => new()
    {
        Id = id, Direction = MessageDirection.Request, TargetGrain = new GrainId("local", "x"),
        InterfaceType = typeof(ILocatedGrain), MethodName = "GetSilo", Body = new object(), ExpiresAt = expiresAt,
    };
}
