using QuantumScheduler.Grains.Backends;
using QuantumScheduler.Grains.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace QuantumScheduler.Silo.Configuration.Scheduling;

/// <summary>
/// Reads a <c>config/production.yaml</c> of the seed's shape (a <c>quantum_scheduler:</c> root with <c>scheduler</c>,
/// <c>monitoring</c>, <c>backends</c>, <c>api</c> and <c>security</c> sections) onto the options' keys, seconds
/// becoming durations. Every problem is collected, each with its YAML key and line: a value of the wrong type and an
/// unknown key (a typo is reported, not ignored). The <c>api</c> and <c>security</c> sections and the metrics settings
/// are accepted, since the seed's file has them, but this service has no HTTP API or metrics exporter to apply them
/// to: each draws a warning instead.
/// </summary>
internal static class ProductionYamlReader
{
    private const string Root = "quantum_scheduler";
    private const string Scheduler = SchedulerOptions.SectionName;
    private const string Backends = BackendsOptions.SectionName;

    /// <summary>Leaf keys under the root and where they go; a null target is checked but not used.</summary>
    private static readonly Dictionary<string, (ConfigurationValueKind Kind, string? Target)> s_leaves = new(StringComparer.Ordinal)
    {
        ["environment"] = (ConfigurationValueKind.Environment, SchedulingEnvironmentVariables.EnvironmentKey),
        ["log_level"] = (ConfigurationValueKind.LogLevel, SchedulingEnvironmentVariables.LogLevelKey),
        ["api.host"] = (ConfigurationValueKind.Text, null),
        ["api.port"] = (ConfigurationValueKind.Integer, null),
        ["api.workers"] = (ConfigurationValueKind.Integer, null),
        ["api.timeout"] = (ConfigurationValueKind.Seconds, null),
        ["api.max_request_size"] = (ConfigurationValueKind.Text, null),
        ["scheduler.max_workers"] = (ConfigurationValueKind.Integer, $"{Scheduler}:MaxWorkers"),
        ["scheduler.max_queue_length"] = (ConfigurationValueKind.Integer, $"{Scheduler}:MaxQueueLength"),
        ["scheduler.backend_strategy"] = (ConfigurationValueKind.Text, $"{Scheduler}:BackendStrategy"),
        ["scheduler.load_balancing"] = (ConfigurationValueKind.Text, $"{Scheduler}:LoadBalancing"),
        ["scheduler.result_retention"] = (ConfigurationValueKind.Seconds, $"{Scheduler}:ResultRetention"),
        ["scheduler.cache.size"] = (ConfigurationValueKind.Integer, $"{Scheduler}:Cache:Size"),
        ["scheduler.cache.ttl"] = (ConfigurationValueKind.Seconds, $"{Scheduler}:Cache:Ttl"),
        ["scheduler.circuit_breaker.failure_threshold"] = (ConfigurationValueKind.Integer, $"{Scheduler}:CircuitBreaker:FailureThreshold"),
        ["scheduler.circuit_breaker.recovery_timeout"] = (ConfigurationValueKind.Seconds, $"{Scheduler}:CircuitBreaker:RecoveryTimeout"),
        ["scheduler.circuit_breaker.trial_timeout"] = (ConfigurationValueKind.Seconds, $"{Scheduler}:CircuitBreaker:TrialTimeout"),
        ["scheduler.retry_policy.max_attempts"] = (ConfigurationValueKind.Integer, $"{Scheduler}:RetryPolicy:MaxAttempts"),
        ["scheduler.retry_policy.base_delay"] = (ConfigurationValueKind.Seconds, $"{Scheduler}:RetryPolicy:BaseDelay"),
        ["scheduler.retry_policy.backoff_strategy"] = (ConfigurationValueKind.Text, $"{Scheduler}:RetryPolicy:BackoffStrategy"),
        ["scheduler.retry_policy.max_delay"] = (ConfigurationValueKind.Seconds, $"{Scheduler}:RetryPolicy:MaxDelay"),
        ["scheduler.classical_baseline.backend"] = (ConfigurationValueKind.Text, $"{Scheduler}:ClassicalBaseline:Backend"),
        ["scheduler.classical_baseline.time_limit"] = (ConfigurationValueKind.Seconds, $"{Scheduler}:ClassicalBaseline:TimeLimit"),
        ["monitoring.enable_metrics"] = (ConfigurationValueKind.Boolean, null),
        ["monitoring.metrics_port"] = (ConfigurationValueKind.Integer, null),
        ["monitoring.health_check_interval"] = (ConfigurationValueKind.Seconds, $"{Backends}:HealthCheckInterval"),
        ["monitoring.health_check_timeout"] = (ConfigurationValueKind.Seconds, $"{Backends}:HealthCheckTimeout"),
        ["monitoring.stats_window"] = (ConfigurationValueKind.Integer, $"{Backends}:StatsWindow"),
        ["monitoring.log_sampling_rate"] = (ConfigurationValueKind.Number, null),
    };

    private static readonly Dictionary<string, (ConfigurationValueKind Kind, string Member)> s_backendLeaves = new(StringComparer.Ordinal)
    {
        ["enabled"] = (ConfigurationValueKind.Boolean, nameof(BackendOptions.Enabled)),
        ["weight"] = (ConfigurationValueKind.Number, nameof(BackendOptions.Weight)),
        ["max_problem_size"] = (ConfigurationValueKind.Integer, nameof(BackendOptions.MaxProblemSize)),
        ["max_qubits"] = (ConfigurationValueKind.Integer, nameof(BackendOptions.MaxQubits)),
        ["provider"] = (ConfigurationValueKind.Text, nameof(BackendOptions.Provider)),
        ["queue_timeout"] = (ConfigurationValueKind.Seconds, nameof(BackendOptions.QueueTimeout)),
    };

    /// <summary>Sections whose settings are accepted but not acted on, with the reason given in the warning.</summary>
    private static readonly Dictionary<string, string> s_unusedSections = new(StringComparer.Ordinal)
    {
        ["api"] = "this service is reached through the SDK and the qs CLI and has no HTTP API server to configure",
        ["security"] = "this service has no HTTP API, so there is no authentication or rate limiting to configure",
    };

    private static readonly string[] s_unusedMonitoring = ["enable_metrics", "metrics_port", "log_sampling_rate"];

    public static SchedulingConfigurationSource ReadFile(string path)
    {
        var source = new SchedulingConfigurationSource();
        if (!File.Exists(path))
        {
            source.Errors.Add($"The configuration file {path} does not exist.");
            return source;
        }
        using var reader = new StreamReader(path);
        Read(reader, path, source);
        return source;
    }

    public static SchedulingConfigurationSource Read(string yaml, string fileName)
    {
        var source = new SchedulingConfigurationSource();
        using var reader = new StringReader(yaml);
        Read(reader, fileName, source);
        return source;
    }

    private static void Read(TextReader reader, string fileName, SchedulingConfigurationSource source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(reader);
        }
        catch (YamlException exception)
        {
            source.Errors.Add($"{fileName}:{exception.Start.Line}: not valid YAML: {exception.InnerException?.Message ?? exception.Message}");
            return;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode document)
        {
            source.Errors.Add($"{fileName}: expected a mapping with a \"{Root}:\" section.");
            return;
        }
        var walker = new Walker(fileName, source);
        foreach (var (keyNode, value) in document.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value;
            if (key == Root && value is YamlMappingNode root)
                walker.Section(root, "");
            else
                walker.Error(keyNode, key ?? "", key == Root ? "must be a mapping" : $"is not a known key (the file's settings go under \"{Root}:\")");
        }
    }

    private sealed class Walker(string fileName, SchedulingConfigurationSource source)
    {
        private readonly HashSet<string> _warnedSections = [];

        public void Section(YamlMappingNode mapping, string prefix)
        {
            foreach (var (keyNode, value) in mapping.Children)
            {
                var path = prefix + ((YamlScalarNode)keyNode).Value;
                if (path == "backends")
                    Backends(value, keyNode);
                else if (path == "security")
                    Unused(path, keyNode);
                else if (s_leaves.TryGetValue(path, out var leaf))
                    Leaf(path, value, leaf.Kind, leaf.Target);
                else if (value is YamlMappingNode section && s_leaves.Keys.Any(known => known.StartsWith(path + ".", StringComparison.Ordinal)))
                    Section(section, path + ".");
                else
                    Error(keyNode, path, "is not a known key");
            }
        }

        public void Error(YamlNode node, string path, string problem) =>
            source.Errors.Add($"{fileName}:{node.Start.Line}: {Qualified(path)} {problem}.");

        private void Leaf(string path, YamlNode value, ConfigurationValueKind kind, string? target)
        {
            if (value is not YamlScalarNode { Value: { Length: > 0 } raw } || raw == "~")
            {
                Error(value, path, "needs a value");
                return;
            }
            var key = $"{fileName}:{value.Start.Line}: {Qualified(path)}";
            if (target is not null)
            {
                source.Add(key, kind, raw, target);
                return;
            }
            source.Check(key, kind, raw);
            var section = path.Split('.')[0];
            if (s_unusedSections.ContainsKey(section))
                Unused(section, value);
            else if (section == "monitoring" && s_unusedMonitoring.Contains(path["monitoring.".Length..]))
                source.Warnings.Add($"{fileName}:{value.Start.Line}: {Qualified(path)} is accepted but has no effect: metrics are published on the meters only, there is no exporter.");
        }

        private void Backends(YamlNode value, YamlNode keyNode)
        {
            if (value is not YamlMappingNode backends)
            {
                Error(keyNode, "backends", "must be a mapping of families and backends");
                return;
            }
            foreach (var (nameNode, settings) in backends.Children)
            {
                var name = ((YamlScalarNode)nameNode).Value ?? "";
                if (settings is not YamlMappingNode entries)
                {
                    Error(nameNode, $"backends.{name}", "must be a mapping of settings");
                    continue;
                }
                // A family's settings are every member's defaults; a backend's own override them. Unknown backend
                // names are reported by the options validator, which knows the registry.
                var target = $"{BackendsOptions.SectionName}:{(BackendFamilies.IsFamily(name) ? nameof(BackendsOptions.Families) : nameof(BackendsOptions.Backends))}:{name}";
                foreach (var (settingNode, setting) in entries.Children)
                {
                    var settingName = ((YamlScalarNode)settingNode).Value ?? "";
                    var path = $"backends.{name}.{settingName}";
                    if (s_backendLeaves.TryGetValue(settingName, out var leaf))
                        Leaf(path, setting, leaf.Kind, $"{target}:{leaf.Member}");
                    else
                        Error(settingNode, path, $"is not a known key (known: {string.Join(", ", s_backendLeaves.Keys)})");
                }
            }
        }

        private void Unused(string section, YamlNode node)
        {
            if (_warnedSections.Add(section))
                source.Warnings.Add($"{fileName}:{node.Start.Line}: {Qualified(section)} is accepted but has no effect: {s_unusedSections[section]}.");
        }

        private static string Qualified(string path) => $"{Root}.{path}";
    }
}
