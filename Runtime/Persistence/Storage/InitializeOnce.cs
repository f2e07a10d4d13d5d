namespace QuantumScheduler.Runtime.Storage;

/// <summary>
/// Runs a provider's initialisation (create, migrate) once. Concurrent callers wait for the attempt in progress;
/// a failed attempt is not remembered, so the next caller tries again.
/// </summary>
public sealed class InitializeOnce : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _done;

    public async Task RunAsync(Func<CancellationToken, Task> initialize, CancellationToken cancellationToken)
    {
        if (_done)
            return;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_done)
                return;
            await initialize(cancellationToken).ConfigureAwait(false);
            _done = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
