using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.Configuration;

namespace QuantumScheduler.Grains.Autoscaling.Load;

/// <summary>
/// The roster while a cluster is one silo: its single worker, keyed by the silo's name (one worker node per silo).
/// A multi-silo cluster replaces it with a roster read from the worker registry.
/// </summary>
public sealed class SiloWorkerRoster(IOptions<SiloOptions> silo) : IWorkerRoster
{
    public Task<IReadOnlyList<string>> GetWorkerIdsAsync(string cluster, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([silo.Value.SiloName]);
}
