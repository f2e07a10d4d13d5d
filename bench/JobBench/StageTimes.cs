using System.Globalization;
using QuantumScheduler.Grains.Jobs;

namespace QuantumScheduler.Bench.Jobs;

/// <summary>The mean time of each stage of a job, from the client's submit to its result, by the job's transition times.</summary>
public sealed class StageTimes
{
    private readonly List<double[]> _jobs = [];

    private static readonly string[] Names = ["submit call → queued", "queued → running", "running → completed (attempt)", "completed → result read by the client"];

    public void Clear() => _jobs.Clear();

    public void Add(DateTimeOffset submitted, JobSnapshot job, DateTimeOffset resultRead)
    {
        DateTimeOffset At(JobState state) => job.Transitions.Last(t => t.State == state).At;
        var queued = At(JobState.Queued);
        var running = At(JobState.Running);
        var completed = At(JobState.Completed);
        _jobs.Add([(queued - submitted).TotalMilliseconds, (running - queued).TotalMilliseconds, (completed - running).TotalMilliseconds,
            (resultRead - completed).TotalMilliseconds]);
    }

    public override string ToString() => string.Join("; ", Names.Select((name, i) =>
        $"{name} {_jobs.Average(stages => stages[i]).ToString("0.000", CultureInfo.InvariantCulture)} ms"));
}
