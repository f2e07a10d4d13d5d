namespace QuantumScheduler.Runtime.Serialization.Bench;

public interface ISchedulerGrain : IGrainWithStringKey
{
    Task<int> Assign(string taskId, int agent, TimeSpan window, CancellationToken cancellationToken);
}

[GenerateSerializer]
public sealed class Job
{
    [Id(0)] public string Id { get; set; } = "";
    [Id(1)] public int Priority { get; set; }
    [Id(2)] public double[] Durations { get; set; } = [];
    [Id(3)] public List<string> Skills { get; set; } = new();
    [Id(4)] public DateTime Due { get; set; }
}
