namespace QuantumScheduler.Grains.Jobs;

/// <summary>
/// Serialises the state-changing operations of a <see cref="SchedulingJobGrain"/>. The grain is reentrant so that its
/// long polls (<c>GetEventsAsync</c>) can wait without holding up progress reports and outcomes — the runtime, like
/// Orleans, makes ordinary calls wait for a running always-interleave call — and this gate gives back the one-at-a-time
/// semantics of a turn to everything that changes the job. Reads take no gate: the activation still never runs on two
/// threads at once.
/// </summary>
public sealed class JobTurnGate
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    public async Task<Releaser> EnterAsync()
    {
        await _semaphore.WaitAsync();
        return new Releaser(_semaphore);
    }

    public readonly struct Releaser(SemaphoreSlim semaphore) : IDisposable
    {
        public void Dispose() => semaphore.Release();
    }
}
