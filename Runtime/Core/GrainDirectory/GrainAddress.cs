namespace QuantumScheduler.Runtime.GrainDirectory;

/// <summary>Where one activation of a grain lives.</summary>
public sealed record GrainAddress(GrainId GrainId, Guid ActivationId, SiloAddress Silo)
{
    public override string ToString() => $"{GrainId} activation {ActivationId:N} on {Silo}";
}
