namespace QuantumScheduler.Runtime.Storage;

/// <summary>Argument checks shared by every <see cref="IGrainStorage"/>, so a bad key fails the same way everywhere.</summary>
public static class GrainStorageArguments
{
    public static void ThrowIfInvalid(string grainType, string stateName, GrainId grainId)
    {
        if (grainId.IsDefault)
            throw new ArgumentException($"State '{stateName}' was given the default (empty) GrainId.", nameof(grainId));
        ArgumentException.ThrowIfNullOrEmpty(grainType);
        ArgumentException.ThrowIfNullOrEmpty(stateName);
    }
}
