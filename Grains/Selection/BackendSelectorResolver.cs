using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using QuantumScheduler.Grains.Backends;
using QuantumScheduler.Grains.Configuration;
using QuantumScheduler.Grains.Errors;

namespace QuantumScheduler.Grains.Selection;

/// <summary>
/// Maps a submitted backend name to its selector: a strategy (<c>hybrid</c>, <c>adaptive_performance</c>,
/// <c>cost_optimized</c>), a backend of the catalog (that backend only), or, when none is given, the configured
/// <see cref="SchedulerOptions.BackendStrategy"/>. Names are case-insensitive. A strategy wins over a backend of the
/// same name (the <c>hybrid</c> strategy over the <c>hybrid</c> backend); <c>backend:NAME</c> always names a backend.
/// </summary>
public sealed class BackendSelectorResolver
{
    /// <summary>The prefix that names a backend even when a strategy has the same name.</summary>
    public const string BackendPrefix = "backend:";

    private readonly Dictionary<string, IBackendSelector> _strategies = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, IBackendSelector> _named = new(StringComparer.OrdinalIgnoreCase);
    private readonly BackendCatalog _catalog;
    private readonly BackendCandidateFilter _filter;
    private readonly IOptions<SchedulerOptions> _options;

    public BackendSelectorResolver(IEnumerable<IBackendSelector> strategies, BackendCatalog catalog, BackendCandidateFilter filter, IOptions<SchedulerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        foreach (var strategy in strategies)
            _strategies[strategy.Name] = strategy;
        _catalog = catalog;
        _filter = filter;
        _options = options;
    }

    /// <summary>The strategies, then the backends: every name <see cref="Resolve"/> accepts.</summary>
    public IReadOnlyList<string> ValidNames => [.. _strategies.Keys, .. _catalog.Names];

    /// <exception cref="UnknownBackendException">Neither a strategy nor a backend has the name; the message lists both.</exception>
    public IBackendSelector Resolve(string? name)
    {
        var requested = string.IsNullOrWhiteSpace(name) ? _options.Value.BackendStrategy : name.Trim();
        var explicitBackend = requested.StartsWith(BackendPrefix, StringComparison.OrdinalIgnoreCase);
        if (!explicitBackend && _strategies.TryGetValue(requested, out var strategy))
            return strategy;
        if (_catalog.TryGet(explicitBackend ? requested[BackendPrefix.Length..] : requested, out var backend))
            return _named.GetOrAdd(backend.Name, _ => new NamedBackendSelector(backend, _catalog, _filter));
        throw new UnknownBackendException(
            $"Unknown backend or strategy \"{requested}\"; strategies: {string.Join(", ", _strategies.Keys)}; " +
            $"backends: {string.Join(", ", _catalog.Names)} (prefix a backend with \"{BackendPrefix}\" when a strategy has its name).");
    }
}
