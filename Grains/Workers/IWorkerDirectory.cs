namespace QuantumScheduler.Grains.Workers;

/// <summary>Lists the worker nodes a job may dispatch to: one per silo, keyed by the silo's name.</summary>
public interface IWorkerDirectory
{
    /// <summary>The worker ids (silo names) of the silos that are up, in a stable order.</summary>
    IReadOnlyList<string> GetWorkerIds();
}
