using System.Buffers;
using QuantumScheduler.Runtime.Serialization;
using QuantumScheduler.Runtime.Storage;

namespace QuantumScheduler.Runtime.Persistence;

/// <summary>
/// One named state of one activation, bound to a grain storage provider: the state is serialised with the
/// runtime's <see cref="ISerializer"/> and written with the ETag last read or written, so a stale write fails
/// with <see cref="InconsistentStateException"/>. Loaded during activation set-up, before <c>OnActivateAsync</c>.
/// </summary>
/// <remarks>Not thread-safe: like the grain that owns it, it is used from one turn at a time.</remarks>
public sealed class PersistentState<TState> : IPersistentState<TState>, IActivationLifecycleParticipant
{
    private readonly IGrainStorage _storage;
    private readonly ISerializer _serializer;
    private readonly string _grainType;
    private readonly GrainId _grainId;

    /// <param name="stateName">The state's name, unique within the grain.</param>
    /// <param name="grainId">The grain; its <see cref="GrainId.Type"/> is the durable grain type the state is stored under.</param>
    /// <param name="storage">The provider holding the state.</param>
    /// <param name="serializer">Turns <typeparamref name="TState"/> into bytes and back.</param>
    public PersistentState(string stateName, GrainId grainId, IGrainStorage storage, ISerializer serializer)
    {
        GrainStorageArguments.ThrowIfInvalid(grainId.Type, stateName, grainId);
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(serializer);
        StateName = stateName;
        _grainId = grainId;
        _grainType = grainId.Type;
        _storage = storage;
        _serializer = serializer;
        State = CreateDefaultState();
    }

    public string StateName { get; }

    public TState State { get; set; }

    public string? Etag { get; private set; }

    public bool RecordExists { get; private set; }

    public async Task ReadStateAsync(CancellationToken cancellationToken = default)
    {
        var record = await _storage.ReadAsync(_grainType, StateName, _grainId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            State = CreateDefaultState();
            Etag = null;
            RecordExists = false;
            return;
        }

        State = Deserialize(record.Data);
        Etag = record.Etag;
        RecordExists = true;
    }

    public async Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        var buffer = new ArrayBufferWriter<byte>();
        _serializer.Serialize(State, buffer);
        Etag = await _storage.WriteAsync(_grainType, StateName, _grainId, buffer.WrittenMemory, Etag, cancellationToken).ConfigureAwait(false);
        RecordExists = true;
    }

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        Etag = await _storage.ClearAsync(_grainType, StateName, _grainId, Etag, cancellationToken).ConfigureAwait(false);
        State = CreateDefaultState();
        RecordExists = false;
    }

    Task IActivationLifecycleParticipant.OnSetupStateAsync(CancellationToken cancellationToken) => ReadStateAsync(cancellationToken);

    private TState Deserialize(byte[] data)
    {
        try
        {
            return _serializer.Deserialize<TState>(data);
        }
        catch (Exception exception)
        {
            throw new InvalidOperationException(
                $"State '{StateName}' of grain '{_grainId}' could not be read as {typeof(TState)}: {exception.Message}", exception);
        }
    }

    private TState CreateDefaultState()
    {
        try
        {
            return Activator.CreateInstance<TState>();
        }
        catch (MissingMethodException exception)
        {
            throw new InvalidOperationException(
                $"State '{StateName}' of grain '{_grainId}': {typeof(TState)} needs a public parameterless constructor to give a grain its empty state.", exception);
        }
    }
}
