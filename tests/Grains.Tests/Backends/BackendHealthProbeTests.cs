using QuantumScheduler.Grains.Backends;
using QuantumScheduler.Solvers.Backends.Registry;

namespace QuantumScheduler.Grains.Tests.Backends;

public sealed class BackendHealthProbeTests
{
    public static TheoryData<string> Backends() => [.. BackendRegistry.CreateDefault().Names];

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Every_registry_backend_that_can_run_here_solves_the_probe(string name)
    {
        var backend = BackendRegistry.CreateDefault().Get(name);

        var health = await new BackendHealthProbe(TimeProvider.System).CheckAsync(backend, TimeSpan.FromSeconds(5), CancellationToken.None);

        if (backend.Availability.IsAvailable)
            Assert.True(health.Healthy, health.Detail);
        else
            Assert.Equal((false, $"unavailable: {backend.Availability.Reason}"), (health.Healthy, health.Detail));
    }
}
