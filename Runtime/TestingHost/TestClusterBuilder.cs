using QuantumScheduler.Runtime.Hosting;

namespace QuantumScheduler.Runtime.TestingHost;

/// <summary>Describes an in-process test cluster: providers, silo configuration and configuration values.</summary>
public sealed class TestClusterBuilder
{
    private readonly List<Action<ISiloBuilder>> _siloConfigurations = [];
    private readonly Dictionary<string, string?> _configuration = new(StringComparer.OrdinalIgnoreCase);

    public TestStorageKind Storage { get; private set; } = TestStorageKind.InMemory;

    /// <summary>The SQLite data directory when <see cref="Storage"/> is <see cref="TestStorageKind.Sqlite"/>.</summary>
    public string? DataDirectory { get; private set; }

    public TestClusterBuilder UseInMemoryStorage()
    {
        Storage = TestStorageKind.InMemory;
        DataDirectory = null;
        return this;
    }

    /// <summary>Grain state and reminders in a SQLite file under <paramref name="dataDirectory"/>, which silos
    /// started later (restarts) reuse.</summary>
    public TestClusterBuilder UseSqliteStorage(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        Storage = TestStorageKind.Sqlite;
        DataDirectory = dataDirectory;
        return this;
    }

    /// <summary>Adds a configuration value every silo reads, e.g. <c>("QuantumScheduler:Messaging:ResponseTimeout", "00:00:01")</c>.</summary>
    public TestClusterBuilder AddConfiguration(string key, string? value)
    {
        _configuration[key] = value;
        return this;
    }

    /// <summary>Configures every silo (filters, options, extra services).</summary>
    public TestClusterBuilder ConfigureSilo(Action<ISiloBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _siloConfigurations.Add(configure);
        return this;
    }

    public TestCluster Build() => new(new TestClusterOptions(Storage, DataDirectory, _configuration.ToArray(), _siloConfigurations.ToArray()));
}

/// <summary>The frozen description a <see cref="TestCluster"/> starts its silos from.</summary>
internal sealed record TestClusterOptions(
    TestStorageKind Storage,
    string? DataDirectory,
    IReadOnlyList<KeyValuePair<string, string?>> Configuration,
    IReadOnlyList<Action<ISiloBuilder>> SiloConfigurations);
