using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuantumScheduler.Grains.Autoscaling.Load;
using QuantumScheduler.Grains.Configuration;
using QuantumScheduler.Grains.Jobs;
using QuantumScheduler.Runtime;

namespace QuantumScheduler.Grains.Workers;

/// <summary>
/// The worker of one silo (key: the silo's name). Queues up to <see cref="SchedulerOptions.MaxQueueLength"/> attempts
/// and runs at most <see cref="SchedulerOptions.MaxWorkers"/> at once. Solves run on the thread pool, outside the grain's
/// turns, so the grain keeps answering load and cancel calls while they run; progress and outcomes go back to the job
/// grains through grain calls. Nothing is persisted: a job whose attempt dies with this silo re-dispatches it.
/// </summary>
[KeepAlive]
[GrainType("workernode")]
public sealed class WorkerNodeGrain(
    IOptions<SchedulerOptions> options,
    SolveRunner runner,
    ProcessCpuMeter cpu,
    TimeProvider time,
    ILogger<WorkerNodeGrain> logger) : Grain, IWorkerNodeGrain
{
    /// <summary>Outcome deliveries are retried this often before the job's resume check takes over.</summary>
    private const int DeliveryAttempts = 3;

    private readonly SchedulerOptions _options = options.Value;
    private readonly Channel<Ticket> _queue = Channel.CreateUnbounded<Ticket>(new UnboundedChannelOptions { SingleReader = false });
    private readonly ConcurrentDictionary<(string JobId, int Attempt), Ticket> _tickets = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _pumps = [];
    private WorkerStatistics _statistics = null!;
    private IGrainFactory _grains = null!;
    private string _workerId = "";
    private int _queued;
    private int _running;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _workerId = this.GetPrimaryKeyString();
        _grains = GrainFactory;
        _statistics = new WorkerStatistics();
        // The pumps must not inherit this turn's call context: their calls to job grains are new call chains.
        using (ExecutionContext.SuppressFlow())
        {
            for (var i = 0; i < _options.MaxWorkers; i++)
                _pumps.Add(Task.Run(PumpAsync));
        }
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        foreach (var ticket in _tickets.Values)
            ticket.Cancel();
        try
        {
            await Task.WhenAll(_pumps).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Worker {Worker} deactivated with {Running} solve(s) still stopping.", _workerId, Volatile.Read(ref _running));
        }
        _stopping.Dispose();
    }

    public Task<WorkAcceptance> EnqueueAsync(SolveWorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var key = (item.JobId, item.Attempt);
        if (_tickets.ContainsKey(key))
            return Task.FromResult(new WorkAcceptance(true, Volatile.Read(ref _queued), "already here"));
        if (_stopping.IsCancellationRequested)
            return Task.FromResult(new WorkAcceptance(false, 0, $"worker {_workerId} is stopping"));
        if (Volatile.Read(ref _queued) >= _options.MaxQueueLength)
            return Task.FromResult(new WorkAcceptance(false, 0, $"worker {_workerId}'s queue is full ({_options.MaxQueueLength} waiting)"));

        var ticket = new Ticket(item);
        _tickets[key] = ticket;
        var position = Interlocked.Increment(ref _queued);
        _queue.Writer.TryWrite(ticket);
        return Task.FromResult(new WorkAcceptance(true, position, null));
    }

    public Task CancelAsync(string jobId, int attempt)
    {
        if (_tickets.TryGetValue((jobId, attempt), out var ticket))
            ticket.Cancel();
        return Task.CompletedTask;
    }

    public Task<bool> HasAttemptAsync(string jobId, int attempt) => Task.FromResult(_tickets.ContainsKey((jobId, attempt)));

    public Task<WorkerLoad> GetLoadAsync() => Task.FromResult(new WorkerLoad
    {
        WorkerId = _workerId,
        MaxWorkers = _options.MaxWorkers,
        Running = Volatile.Read(ref _running),
        Queued = Volatile.Read(ref _queued),
        LatencyP95Ms = _statistics.LatencyP95Ms(),
        ErrorRate = _statistics.ErrorRate(),
        Healthy = !_stopping.IsCancellationRequested,
        CpuUtilization = cpu.Read(),
        Completed = _statistics.Completed,
    });

    private async Task PumpAsync()
    {
        try
        {
            await foreach (var ticket in _queue.Reader.ReadAllAsync(_stopping.Token))
            {
                Interlocked.Decrement(ref _queued);
                Interlocked.Increment(ref _running);
                try
                {
                    await RunAsync(ticket);
                }
                finally
                {
                    Interlocked.Decrement(ref _running);
                    _tickets.TryRemove((ticket.Item.JobId, ticket.Item.Attempt), out _);
                    ticket.Dispose();
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }

    private async Task RunAsync(Ticket ticket)
    {
        var item = ticket.Item;
        var job = _grains.GetGrain<ISchedulingJobGrain>(item.JobId);
        AttemptOutcome outcome;
        if (ticket.Token.IsCancellationRequested)
        {
            outcome = new AttemptOutcome { Attempt = item.Attempt, Kind = AttemptResultKind.Cancelled, Error = "cancelled before it started", Worker = _workerId };
        }
        else
        {
            var progress = new ThrottledProgress(_options.ProgressReportInterval, time, p =>
                _ = ReportSafelyAsync(job, new AttemptProgress(item.Attempt, p.Elapsed, p.BestObjective, p.BestIsFeasible)));
            var started = time.GetTimestamp();
            outcome = await runner.RunAsync(item, _workerId, progress, ticket.Token);
            if (outcome.Kind is AttemptResultKind.Solved or AttemptResultKind.Failed)
                _statistics.Record(time.GetElapsedTime(started), outcome.Kind == AttemptResultKind.Failed);
        }
        await DeliverAsync(job, outcome, item);
    }

    private async Task ReportSafelyAsync(ISchedulingJobGrain job, AttemptProgress progress)
    {
        try
        {
            await job.ReportProgressAsync(progress);
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "A progress report of attempt {Attempt} was not delivered.", progress.Attempt);
        }
    }

    private async Task DeliverAsync(ISchedulingJobGrain job, AttemptOutcome outcome, SolveWorkItem item)
    {
        for (var delivery = 1; ; delivery++)
        {
            try
            {
                await job.CompleteAttemptAsync(outcome);
                return;
            }
            catch (Exception e) when (delivery < DeliveryAttempts && !_stopping.IsCancellationRequested)
            {
                logger.LogWarning(e, "Delivering attempt {Attempt} of job {Job} failed; retrying.", item.Attempt, item.JobId);
                await Task.Delay(TimeSpan.FromSeconds(delivery), time, CancellationToken.None);
            }
            catch (Exception e)
            {
                // The job's resume check finds the attempt gone from this worker and runs it again.
                logger.LogWarning(e, "Attempt {Attempt} of job {Job} ended ({Kind}) but could not be delivered.", item.Attempt, item.JobId, outcome.Kind);
                return;
            }
        }
    }

    /// <summary>One queued or running attempt and its cancellation.</summary>
    private sealed class Ticket(SolveWorkItem item) : IDisposable
    {
        private readonly CancellationTokenSource _cancellation = new();

        public SolveWorkItem Item { get; } = item;

        public CancellationToken Token => _cancellation.Token;

        public void Cancel()
        {
            try
            {
                _cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }

        public void Dispose() => _cancellation.Dispose();
    }
}
