using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QuantumScheduler.Grains.Configuration;
using QuantumScheduler.Silo.Configuration;
using QuantumScheduler.Silo.Configuration.Scheduling;
using Xunit;

namespace QuantumScheduler.Silo.Tests.ConfigurationScheduling;

public sealed class SchedulingConfigurationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("qs-config-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string SeedFile()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "deploy", "config", "production.yaml");
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException("deploy/config/production.yaml not found above the test directory.");
    }

    private string Write(string yaml)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static HostApplicationBuilder Builder(params string[] args) =>
        Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });

    private static IServiceProvider Configure(HostApplicationBuilder builder, Dictionary<string, string?> environment)
    {
        builder.AddQuantumSchedulerConfiguration(environment);
        return builder.Services.BuildServiceProvider();
    }

    private static OptionsValidationException Refused(Dictionary<string, string?> environment, params string[] args) =>
        Assert.Throws<OptionsValidationException>(() => Builder(args).AddQuantumSchedulerConfiguration(environment));

    [Fact]
    public void The_seeds_production_yaml_binds_to_the_expected_values()
    {
        var builder = Builder();
        var services = Configure(builder, new() { ["QUANTUM_SCHEDULER_CONFIG"] = SeedFile() });

        var scheduler = services.GetRequiredService<IOptions<SchedulerOptions>>().Value;
        Assert.Equal(16, scheduler.MaxWorkers);
        Assert.Equal("adaptive_performance", scheduler.BackendStrategy);
        Assert.Equal((10000, TimeSpan.FromHours(1)), (scheduler.Cache.Size, scheduler.Cache.Ttl));
        Assert.Equal((5, TimeSpan.FromSeconds(60)), (scheduler.CircuitBreaker.FailureThreshold, scheduler.CircuitBreaker.RecoveryTimeout));
        Assert.Equal((3, TimeSpan.FromSeconds(1), "exponential"), (scheduler.RetryPolicy.MaxAttempts, scheduler.RetryPolicy.BaseDelay, scheduler.RetryPolicy.BackoffStrategy));

        var backends = services.GetRequiredService<IOptions<BackendsOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(30), backends.HealthCheckInterval);
        var classical = backends.Families["classical"];
        Assert.Equal((true, 1.0, (int?)1000), (classical.Enabled!.Value, classical.Weight!.Value, classical.MaxProblemSize));
        var simulator = backends.Families["quantum_simulator"];
        Assert.Equal((true, 2.0, (int?)50), (simulator.Enabled!.Value, simulator.Weight!.Value, simulator.MaxQubits));
        var hardware = backends.Families["quantum_hardware"];
        Assert.Equal((false, "ibm", (int?)127, (TimeSpan?)TimeSpan.FromHours(1)), (hardware.Enabled!.Value, hardware.Provider, hardware.MaxQubits, hardware.QueueTimeout));
        Assert.Empty(backends.Backends);

        Assert.Equal("Production", builder.Environment.EnvironmentName);
        Assert.Equal("Information", builder.Configuration["Logging:LogLevel:Default"]);

        var report = services.GetRequiredService<SchedulingConfigurationReport>();
        Assert.Equal(SeedFile(), report.ConfigFile);
        Assert.Contains(report.Warnings, w => w.Contains("quantum_scheduler.api is accepted but has no effect", StringComparison.Ordinal));
        Assert.Contains(report.Warnings, w => w.Contains("quantum_scheduler.security is accepted but has no effect", StringComparison.Ordinal));
        Assert.Contains($"{SeedFile()}:33: quantum_scheduler.monitoring.metrics_port is accepted but has no effect: metrics are published on the meters only, there is no exporter.", report.Warnings);
    }

    [Fact]
    public void Environment_variables_override_the_file()
    {
        var builder = Builder();
        var services = Configure(builder, new()
        {
            ["QUANTUM_SCHEDULER_CONFIG"] = SeedFile(),
            ["QUANTUM_SCHEDULER_ENV"] = "staging",
            ["QUANTUM_SCHEDULER_LOG_LEVEL"] = "debug",
            ["QUANTUM_SCHEDULER_MAX_WORKERS"] = "32",
            ["QUANTUM_SCHEDULER_CACHE_SIZE"] = "5",
            ["QUANTUM_SCHEDULER_ENABLE_METRICS"] = "false",
            ["QUANTUM_SCHEDULER_BACKEND_STRATEGY"] = "classical-tabu",
            ["QUANTUM_SCHEDULER_HEALTH_CHECK_INTERVAL"] = "12.5",
            ["REDIS_URL"] = "redis://localhost:6379",
        });

        var scheduler = services.GetRequiredService<IOptions<SchedulerOptions>>().Value;
        Assert.Equal((32, 5, "classical-tabu"), (scheduler.MaxWorkers, scheduler.Cache.Size, scheduler.BackendStrategy));
        Assert.Equal(TimeSpan.FromHours(1), scheduler.Cache.Ttl); // from the file, untouched
        Assert.Equal(TimeSpan.FromSeconds(12.5), services.GetRequiredService<IOptions<BackendsOptions>>().Value.HealthCheckInterval);
        Assert.Equal("Staging", builder.Environment.EnvironmentName);
        Assert.Equal("Debug", builder.Configuration["Logging:LogLevel:Default"]);
        var warnings = services.GetRequiredService<SchedulingConfigurationReport>().Warnings;
        Assert.Contains(warnings, w => w.StartsWith("REDIS_URL is set but not used", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("QUANTUM_SCHEDULER_ENABLE_METRICS is accepted but has no effect", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_file_or_variables_the_documented_defaults_hold()
    {
        var services = Configure(Builder(), []);

        var scheduler = services.GetRequiredService<IOptions<SchedulerOptions>>().Value;
        Assert.Equal((4, 1000, "hybrid"), (scheduler.MaxWorkers, scheduler.Cache.Size, scheduler.BackendStrategy));
        Assert.Equal(TimeSpan.FromSeconds(30), services.GetRequiredService<IOptions<BackendsOptions>>().Value.HealthCheckInterval);
        Assert.Null(services.GetRequiredService<SchedulingConfigurationReport>().ConfigFile);
    }

    [Fact]
    public void The_config_argument_wins_over_the_variable()
    {
        var file = Write("quantum_scheduler:\n  scheduler:\n    max_workers: 7\n");

        var services = Configure(Builder("--config", file), new() { ["QUANTUM_SCHEDULER_CONFIG"] = SeedFile() });

        Assert.Equal(7, services.GetRequiredService<IOptions<SchedulerOptions>>().Value.MaxWorkers);
        Assert.Equal(file, services.GetRequiredService<SchedulingConfigurationReport>().ConfigFile);
    }

    [Fact]
    public void Backend_names_under_backends_override_their_family()
    {
        var file = Write("""
            quantum_scheduler:
              backends:
                classical:
                  weight: 3
                classical-mip:
                  enabled: false
                  max_problem_size: 200
            """);

        var backends = Configure(Builder(), new() { ["QUANTUM_SCHEDULER_CONFIG"] = file }).GetRequiredService<IOptions<BackendsOptions>>().Value;

        Assert.Equal(3.0, backends.Families["classical"].Weight);
        Assert.Equal((false, (int?)200), (backends.Backends["classical-mip"].Enabled!.Value, backends.Backends["classical-mip"].MaxProblemSize));
    }

    [Fact]
    public void A_broken_file_and_variables_are_reported_together_each_with_its_key()
    {
        var file = Write("""
            quantum_scheduler:
              log_level: loud
              scheduler:
                max_workers: many
                max_wrokers: 3
                backend_strategy: fastest
                cache:
                  ttl: -5
                circuit_breaker:
                  failure_threshold: 0
                retry_policy:
                  backoff_strategy: random
              backends:
                classical:
                  weight: -1
                  max_qubit: 3
                quantm_simulator:
                  enabled: true
            """);

        var error = Refused(new() { ["QUANTUM_SCHEDULER_CONFIG"] = file, ["QUANTUM_SCHEDULER_CACHE_SIZE"] = "abc" });

        var expected = new[]
        {
            $"{file}:2: quantum_scheduler.log_level must be one of debug, info, warning, error, trace, critical (was \"loud\").",
            $"{file}:4: quantum_scheduler.scheduler.max_workers must be a whole number (was \"many\").",
            $"{file}:5: quantum_scheduler.scheduler.max_wrokers is not a known key.",
            $"{file}:16: quantum_scheduler.backends.classical.max_qubit is not a known key (known: enabled, weight, max_problem_size, max_qubits, provider, queue_timeout).",
            "QUANTUM_SCHEDULER_CACHE_SIZE must be a whole number (was \"abc\").",
            "QuantumScheduler:Scheduler:BackendStrategy (quantum_scheduler.scheduler.backend_strategy, QUANTUM_SCHEDULER_BACKEND_STRATEGY) must be a strategy " +
                "(hybrid, adaptive_performance, cost_optimized) or a backend (classical-mip, classical-tabu, annealing, annealing-sqa, hybrid, qaoa, hybrid-qaoa, quantum-hardware) (was \"fastest\").",
            "QuantumScheduler:Scheduler:Cache:Ttl (quantum_scheduler.scheduler.cache.ttl) must be a positive duration (was -5 s).",
            "QuantumScheduler:Scheduler:CircuitBreaker:FailureThreshold (quantum_scheduler.scheduler.circuit_breaker.failure_threshold) must be at least 1 (was 0).",
            "QuantumScheduler:Scheduler:RetryPolicy:BackoffStrategy (quantum_scheduler.scheduler.retry_policy.backoff_strategy) must be one of exponential, linear, constant (was \"random\").",
            "QuantumScheduler:Backends:Families:classical:Weight (quantum_scheduler.backends.classical.weight) must be a positive number (was -1).",
            "QuantumScheduler:Backends:Backends:quantm_simulator (quantum_scheduler.backends.quantm_simulator) is neither a family (classical, quantum_simulator, hybrid, quantum_hardware) " +
                "nor a backend (classical-mip, classical-tabu, annealing, annealing-sqa, hybrid, qaoa, hybrid-qaoa, quantum-hardware) (was \"quantm_simulator\").",
        };
        Assert.Equal(expected, error.Failures);

        // The silo prints all of them on one line and exits 2.
        var line = ConfigurationError.Describe(error);
        Assert.NotNull(line);
        Assert.DoesNotContain('\n', line);
        Assert.All(expected, failure => Assert.Contains(failure, line));
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var missing = Path.Combine(_directory, "nope.yaml");
        var error = Refused(new() { ["QUANTUM_SCHEDULER_CONFIG"] = missing });
        Assert.Equal([$"The configuration file {missing} does not exist."], error.Failures);
    }

    [Fact]
    public void Malformed_yaml_is_reported_with_its_line()
    {
        var file = Write("quantum_scheduler:\n  scheduler:\n    max_workers: [1,\n");
        var failure = Assert.Single(Refused(new() { ["QUANTUM_SCHEDULER_CONFIG"] = file }).Failures);
        Assert.StartsWith($"{file}:", failure);
        Assert.Contains("not valid YAML", failure);
    }

    [Fact]
    public void Settings_outside_the_root_section_are_refused()
    {
        var file = Write("scheduler:\n  max_workers: 3\n");
        Assert.Equal([$"{file}:1: quantum_scheduler.scheduler is not a known key (the file's settings go under \"quantum_scheduler:\")."],
            Refused(new() { ["QUANTUM_SCHEDULER_CONFIG"] = file }).Failures);
    }

    [Theory]
    [InlineData("hybrid")]
    [InlineData("cost_optimized")]
    [InlineData("qaoa")]
    [InlineData("backend:hybrid")]
    public void Strategies_and_backend_names_are_valid_strategies(string strategy)
    {
        var services = Configure(Builder(), new() { ["QUANTUM_SCHEDULER_BACKEND_STRATEGY"] = strategy });
        Assert.Equal(strategy, services.GetRequiredService<IOptions<SchedulerOptions>>().Value.BackendStrategy);
    }

    [Fact]
    public void Bad_values_from_other_sources_are_caught_by_the_same_validators()
    {
        var builder = Builder();
        builder.Configuration.AddInMemoryCollection([new("QuantumScheduler:Scheduler:LoadBalancing", "random"), new("QuantumScheduler:Selection:ExplorationRate", "2")]);

        var error = Assert.Throws<OptionsValidationException>(() => builder.AddQuantumSchedulerConfiguration(new Dictionary<string, string?>()));

        Assert.Equal(
        [
            "QuantumScheduler:Scheduler:LoadBalancing (quantum_scheduler.scheduler.load_balancing) must be one of round_robin, least_connections, weighted_round_robin, intelligent (was \"random\").",
            "QuantumScheduler:Selection:ExplorationRate must be between 0 and 1 (was 2).",
        ], error.Failures);
    }

    [Fact]
    public void A_classical_baseline_binds_from_the_file_and_must_name_a_classical_backend_with_a_positive_time_limit()
    {
        var good = Write("""
            quantum_scheduler:
              scheduler:
                classical_baseline:
                  backend: classical-tabu
                  time_limit: 1.5
            """);
        var bad = Write("""
            quantum_scheduler:
              scheduler:
                classical_baseline:
                  backend: qaoa
                  time_limit: 0
            """);

        var baseline = Configure(Builder(), new() { ["QUANTUM_SCHEDULER_CONFIG"] = good }).GetRequiredService<IOptions<SchedulerOptions>>().Value.ClassicalBaseline;
        var error = Refused(new() { ["QUANTUM_SCHEDULER_CONFIG"] = bad });

        Assert.Equal(("classical-tabu", TimeSpan.FromSeconds(1.5)), (baseline.Backend, baseline.TimeLimit));
        Assert.Equal(
        [
            "QuantumScheduler:Scheduler:ClassicalBaseline:Backend (quantum_scheduler.scheduler.classical_baseline.backend) must be empty (no baseline) " +
                "or a classical backend (classical-mip, classical-tabu) (was \"qaoa\").",
            "QuantumScheduler:Scheduler:ClassicalBaseline:TimeLimit (quantum_scheduler.scheduler.classical_baseline.time_limit) must be a positive duration (was 0 s).",
        ], error.Failures);
    }
}
