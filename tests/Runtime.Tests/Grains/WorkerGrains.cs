namespace QuantumScheduler.Runtime.Tests.Grains;

public interface IWorkerGrain : IGrainWithStringKey
{
    Task<Guid> Work(int milliseconds);
}

[StatelessWorker(2)]
public sealed class WorkerGrain : Grain, IWorkerGrain
{
    public async Task<Guid> Work(int milliseconds)
    {
        await Task.Delay(milliseconds);
        return GrainContext.ActivationId;
    }
}
