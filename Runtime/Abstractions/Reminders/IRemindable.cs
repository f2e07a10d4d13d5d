namespace QuantumScheduler.Runtime;

/// <summary>A grain that receives durable reminder ticks. Ticks may repeat; handle them idempotently.</summary>
public interface IRemindable : IGrain
{
    Task ReceiveReminder(string reminderName, TickStatus status);
}

/// <summary>When a tick was due: the first tick's time, the period, and this tick's time (UTC).</summary>
[GenerateSerializer]
public readonly record struct TickStatus([property: Id(0)] DateTime FirstTickTime, [property: Id(1)] TimeSpan Period, [property: Id(2)] DateTime CurrentTickTime);
