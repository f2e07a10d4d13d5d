namespace QuantumScheduler.Client;

/// <summary>Settings of a <see cref="QuantumSchedulerClient"/> (bind them from <see cref="SectionName"/>; the runtime's
/// external client has its own options under <c>QuantumScheduler:Client</c>).</summary>
public sealed class QuantumSchedulerClientOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "QuantumScheduler:Sdk";

    /// <summary>The tenant (budget) used when a call names none. Default <c>default</c>.</summary>
    public string DefaultTenant { get; set; } = "default";

    /// <summary>How long one long poll for job events waits on the server before it returns empty and is reissued.
    /// Must stay below the runtime's response timeout (30 s by default). Default 10 s.</summary>
    public TimeSpan EventPollWait { get; set; } = TimeSpan.FromSeconds(10);

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(DefaultTenant))
            throw new ArgumentException($"{SectionName}:{nameof(DefaultTenant)} must not be empty.");
        if (EventPollWait <= TimeSpan.Zero)
            throw new ArgumentException($"{SectionName}:{nameof(EventPollWait)} must be a positive duration (was {EventPollWait}).");
    }
}
