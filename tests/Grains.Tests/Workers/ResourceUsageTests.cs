using Microsoft.Extensions.Time.Testing;
using QuantumScheduler.Grains.Workers;
using QuantumScheduler.Solvers.Backends;

namespace QuantumScheduler.Grains.Tests.Workers;

public sealed class ResourceUsageTests
{
    [Fact]
    public void Core_seconds_are_wall_time_times_threads_and_quantum_resources_come_from_the_details()
    {
        var usage = ResourceUsage.Measure(TimeSpan.FromSeconds(2), new Dictionary<string, string>
        {
            ["threads"] = "3",
            ["qaoa.qubits"] = "10",
            ["qaoa.shots"] = "256",
        });

        Assert.Equal(new ResourceUsage(6, 20, 256), usage);
    }

    [Fact]
    public void Without_details_an_attempt_used_one_core()
    {
        Assert.Equal(new ResourceUsage(1.5, 0, 0), ResourceUsage.Measure(TimeSpan.FromSeconds(1.5), null));
        Assert.Equal(new ResourceUsage(1.5, 0, 0), ResourceUsage.Measure(TimeSpan.FromSeconds(1.5), new Dictionary<string, string> { ["threads"] = "many" }));
    }

    [Fact]
    public void Progress_is_forwarded_at_most_once_per_interval()
    {
        var time = new FakeTimeProvider();
        var forwarded = new List<double>();
        var progress = new ThrottledProgress(TimeSpan.FromMilliseconds(250), time, p => forwarded.Add(p.BestObjective));

        for (var i = 0; i < 10; i++)
        {
            progress.Report(new SolveProgress(TimeSpan.Zero, i, true, [], null));
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal([0.0, 3.0, 6.0, 9.0], forwarded);
    }
}
