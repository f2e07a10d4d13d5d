namespace QuantumScheduler.Runtime.Persistence.Tests.Fakes;

/// <summary>An activation without an engine: collects lifecycle participants and runs their set-up on demand.</summary>
public sealed class FakeGrainContext(GrainId grainId, IServiceProvider services) : IGrainContext
{
    private readonly List<IActivationLifecycleParticipant> _participants = [];

    public GrainId GrainId { get; } = grainId;

    public Guid ActivationId { get; } = Guid.NewGuid();

    public object? GrainInstance => null;

    public IServiceProvider ActivationServices { get; } = services;

    public IReadOnlyList<IActivationLifecycleParticipant> Participants => _participants;

    public void Subscribe(IActivationLifecycleParticipant participant) => _participants.Add(participant);

    /// <summary>What the engine does between constructing the grain and calling OnActivateAsync.</summary>
    public async Task SetUpAsync(CancellationToken cancellationToken = default)
    {
        foreach (var participant in _participants)
            await participant.OnSetupStateAsync(cancellationToken);
    }
}
