using System.Collections.Concurrent;

namespace QuantumScheduler.Runtime.Tests.Grains;

public interface IActivationCountingGrain : IGrainWithStringKey
{
    Task<Guid> GetActivationId();
}

/// <summary>Counts its activations per key; activation is slow enough for concurrent first calls to pile up.</summary>
public sealed class ActivationCountingGrain : Grain, IActivationCountingGrain
{
    public static readonly ConcurrentDictionary<string, int> Activations = new();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Activations.AddOrUpdate(this.GetPrimaryKeyString(), 1, static (_, count) => count + 1);
        await Task.Delay(20, cancellationToken);
    }

    public Task<Guid> GetActivationId() => Task.FromResult(GrainContext.ActivationId);
}

public interface IFlakyActivationGrain : IGrainWithStringKey
{
    Task<int> GetAttempt();
}

/// <summary>Its first activation per key fails.</summary>
public sealed class FlakyActivationGrain : Grain, IFlakyActivationGrain
{
    public static readonly ConcurrentDictionary<string, int> Attempts = new();
    private int _attempt;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        _attempt = Attempts.AddOrUpdate(key, 1, static (_, count) => count + 1);
        if (_attempt == 1)
            throw new InvalidOperationException($"activation attempt 1 of {key} fails");
        return Task.CompletedTask;
    }

    public Task<int> GetAttempt() => Task.FromResult(_attempt);
}

public interface IFaultyGrain : IGrainWithStringKey
{
    Task Throw(string message);

    Task<int> ThrowArgument(string parameterName);
}

public sealed class FaultyGrain : Grain, IFaultyGrain
{
    public Task Throw(string message) => throw new InvalidOperationException(message);

    public async Task<int> ThrowArgument(string parameterName)
    {
        await Task.Yield();
        throw new ArgumentException("bad argument", parameterName);
    }
}
