using QuantumScheduler.Cluster.Tests.Harness;
using QuantumScheduler.ClusterTestSilo;
using Xunit.Abstractions;

namespace QuantumScheduler.Cluster.Tests.Startup;

/// <summary>Silo processes starting, crashing and stopping against one PostgreSQL database.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterStartupTests(ClusterDatabase database, ITestOutputHelper log) : IClassFixture<ClusterDatabase>, IAsyncLifetime
{
    private readonly ClusterProcesses _cluster = new(database.ConnectionString, log);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Three_silos_starting_at_once_against_an_empty_database_all_become_ready_and_stop_gracefully()
    {
        var silos = await _cluster.StartSilosAsync(3);

        Assert.Equal(["silo-1", "silo-2", "silo-3"], silos.Select(static silo => silo.Ready.Name).Order());
        Assert.All(silos, static silo => Assert.Equal(silo.ProcessId, silo.Ready.Pid));
        Assert.Equal(3, silos.Select(static silo => silo.Ready.Silo).Distinct().Count());
        // Every provider's schema and the test tables exist once, created by whichever silo got there first.
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = @table;",
            ("table", TestTables.Activations)));
        Assert.True(await database.ScalarAsync<long>("SELECT count(*) FROM schema_version;") > 0);

        var exitCodes = await Task.WhenAll(silos.Select(static silo => silo.StopAsync(ClusterProcesses.StopTimeout)));

        Assert.All(exitCodes, static code => Assert.Equal(0, code));
        Assert.All(silos, static silo => Assert.Contains(silo.Output, static line => line.Contains("stopped;", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_killed_silo_restarts_as_a_new_process_with_the_same_name()
    {
        var first = await _cluster.StartSiloAsync();

        await first.KillAsync();

        Assert.True(first.HasExited);
        Assert.NotEqual(0, first.ExitCode);
        Assert.DoesNotContain(first.Output, static line => line.Contains("is stopping", StringComparison.Ordinal));
        var second = await _cluster.RestartAsync(first);
        Assert.Equal(first.Name, second.Ready.Name);
        Assert.NotEqual(first.ProcessId, second.Ready.Pid);
        Assert.Equal(0, await second.StopAsync(ClusterProcesses.StopTimeout));
    }
}
