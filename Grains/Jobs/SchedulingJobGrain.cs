using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuantumScheduler.Grains.Backends;
using QuantumScheduler.Grains.Balancing;
using QuantumScheduler.Grains.Budgets;
using QuantumScheduler.Grains.Caching;
using QuantumScheduler.Grains.Configuration;
using QuantumScheduler.Grains.Costs;
using QuantumScheduler.Grains.Errors;
using QuantumScheduler.Grains.Retry;
using QuantumScheduler.Grains.Selection;
using QuantumScheduler.Grains.Workers;
using QuantumScheduler.Runtime;
using QuantumScheduler.Solvers.IO.Json;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Grains.Jobs;

/// <summary>
/// One scheduling job (key: job id). Submit admits it (validation, strategy, limits, budget reservation, or an answer
/// from the solution cache); dispatch ranks the backends with the strategy and sends each attempt, admitted by the
/// backend's circuit breaker, to a worker node chosen by the load balancer; a failed attempt is retried on the same
/// backend after a jittered backoff, then the job falls back down the ranking; the end settles or releases the budget.
/// </summary>
/// <remarks>
/// Every step is persisted before the next call goes out, and each duty that follows a write (charging an attempt,
/// settling the budget) is idempotent, so a job whose silo dies resumes from its record on the next call or on its
/// reminder: a running attempt no worker holds any more is sent again under the same number, whose ledger entries are
/// therefore charged once. <see cref="JobLifecycle"/> guards every state change, so a job ends exactly once.
/// </remarks>
[GrainType("schedulingjob")]
public sealed class SchedulingJobGrain(
    [PersistentState("job")] IPersistentState<JobRecord> state,
    BackendSelectorResolver strategies,
    ResourcePricing pricing,
    JobBilling billing,
    SolutionCache cache,
    IWorkerDirectory workers,
    WorkerBalancerFactory balancers,
    IOptions<SchedulerOptions> options,
    TimeProvider time,
    ILogger<SchedulingJobGrain> logger) : Grain, ISchedulingJobGrain, IRemindable
{
    /// <summary>The job's one reminder: while the job is open, a check every <see cref="SchedulerOptions.ResumeCheckInterval"/>
    /// that resumes it if its silo died; once it has ended, the end of its retention. One row changed in place, not two.</summary>
    private const string JobReminder = "job";

    /// <summary>How long a job waits before asking again when no worker has room.</summary>
    private static readonly TimeSpan NoWorkerDelay = TimeSpan.FromSeconds(1);

    private readonly SchedulerOptions _options = options.Value;
    private readonly JobEventSignal _signal = new();
    private IGrainTimer? _timer;
    private bool _closed;

    /// <summary>The submitted problem as read at submit, so that dispatch does not parse the JSON again.</summary>
    private SchedulingProblem? _problem;

    private string JobId => this.GetPrimaryKeyString();

    private JobRecord Job => state.State;

    private bool Exists => Job.Submission is not null;

    /// <summary>What readers may see: a job whose submit has been stored. The interleaving event polls must not observe a
    /// submit still being admitted (it may yet be refused and leave nothing).</summary>
    private bool Visible => Exists && state.RecordExists;

    private JobSubmission Submission => Job.Submission!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A job that was mid-flight when its last activation ended picks up where its record says.
        if (Exists)
            Schedule(TimeSpan.Zero);
        return Task.CompletedTask;
    }


    public async Task<JobSnapshot> SubmitAsync(JobSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var fingerprint = SubmissionFingerprint.Compute(submission);
        if (Exists)
        {
            return Job.Fingerprint == fingerprint
                ? Snapshot()
                : throw new JobConflictException(
                    $"Job {JobId} already exists with a different submission (problem \"{Job.ProblemName}\", backend \"{Job.Strategy}\", submitted {Job.SubmittedAt:O}); " +
                    "use a new client request id for a different request.");
        }

        var problem = JobAdmission.ReadProblem(submission);
        var strategy = strategies.Resolve(submission.Backend);
        var named = strategy is NamedBackendSelector;
        if (named)
            JobAdmission.EnsureCanTake(await Backend(strategy.Name).GetInfoAsync(), problem);
        // Stored so that dispatch resolves the same thing: a backend named like a strategy keeps its prefix.
        var strategyName = named ? BackendSelectorResolver.BackendPrefix + strategy.Name : strategy.Name;

        var now = time.GetUtcNow();
        var record = new JobRecord
        {
            Submission = submission,
            Fingerprint = fingerprint,
            State = JobState.Submitted,
            ProblemName = problem.Name,
            Strategy = strategyName,
            ProblemSize = ProblemSizing.TaskAgentVariables(problem),
            SubmittedAt = now,
            CacheKey = SolutionCacheKey.Compute(problem, strategyName, submission.TimeLimit, submission.Seed),
        };
        state.State = record;
        Move(JobState.Submitted, null, 0, "submitted", transition: false);

        if (submission.UseCache && cache.TryGet(record.CacheKey, out var cached))
        {
            record.FromCache = true;
            record.BudgetClosed = true;
            record.ActualCost = 0;
            await FinishAsync(cached.IsFeasible ? JobState.Completed : JobState.Incomplete,
                cached with { JobId = JobId, FromCache = true }, error: null, detail: "answered from the solution cache");
            return Snapshot();
        }

        try
        {
            var estimate = await EstimateAsync(strategy, problem, record.ProblemSize, submission);
            await Budget().ReserveAsync(JobId, estimate);
            record.EstimatedCost = estimate;
            record.ReservedCost = estimate;
            record.Reserved = true;
            Move(JobState.Queued, null, 0, named ? $"backend {strategy.Name}" : $"strategy {strategy.Name}");
            // Independent rows, written together (one commit on SQLite): a queued job always has its reminder.
            await Task.WhenAll(state.WriteStateAsync(), RegisterOrUpdateReminder(JobReminder, _options.ResumeCheckInterval, _options.ResumeCheckInterval));
        }
        catch
        {
            // Nothing may remain of a refused submit: not the record, not the reservation. A reminder left behind
            // finds no job when it fires and removes itself.
            var budget = Budget();
            var stored = state.RecordExists;
            state.State = new JobRecord();
            if (record.Reserved)
                await budget.ReleaseAsync(JobId);
            if (stored)
                await state.ClearStateAsync();
            throw;
        }

        _problem = problem;
        Schedule(TimeSpan.Zero);
        return Snapshot();
    }

    public Task<JobSnapshot> GetStatusAsync() => Task.FromResult(Visible ? Snapshot() : throw NotFound());

    public Task<JobResult?> GetResultAsync() =>
        Visible ? Task.FromResult(Job.State is JobState.Completed or JobState.Incomplete ? Job.Result : null) : throw NotFound();


    public async Task<JobSnapshot> CancelAsync(string reason)
    {
        if (!Exists)
            throw NotFound();
        if (Job.State.IsTerminal())
            return Snapshot();
        reason = string.IsNullOrWhiteSpace(reason) ? "cancelled by the client" : reason;
        if (Job.CurrentAttempt is { } attempt)
        {
            try
            {
                await Worker(attempt.Worker!).CancelAsync(JobId, attempt.Number);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Job {Job}: worker {Worker} could not be told to cancel attempt {Attempt}.", JobId, attempt.Worker, attempt.Number);
            }
            await AbandonTrialAsync(attempt, reason);
            EndAttempt(attempt.Number, AttemptResultKind.Cancelled, reason);
        }
        await FinishAsync(JobState.Cancelled, null, reason, reason);
        return Snapshot();
    }

    public async Task<JobEventPage> GetEventsAsync(long afterSequence, TimeSpan wait)
    {
        var deadline = time.GetUtcNow() + (wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
        while (true)
        {
            if (!Visible)
                throw NotFound();
            var events = Job.Events.Where(e => e.Sequence > afterSequence).ToList();
            var remaining = deadline - time.GetUtcNow();
            if (events.Count > 0 || Job.State.IsTerminal() || remaining <= TimeSpan.Zero)
                return new JobEventPage(events, Job.LastSequence, Job.State.IsTerminal());
            try
            {
                await _signal.NextAsync.WaitAsync(remaining, time);
            }
            catch (TimeoutException)
            {
            }
        }
    }


    public async Task ReportProgressAsync(AttemptProgress progress)
    {
        if (!Exists || Job.State != JobState.Running || Job.CurrentAttempt is not { } attempt || attempt.Number != progress.Attempt)
            return;
        Job.BestObjective = progress.BestObjective;
        var fraction = Submission.TimeLimit > TimeSpan.Zero ? Math.Clamp(progress.Elapsed / Submission.TimeLimit, 0, 1) : 1;
        Append(new JobProgressEvent
        {
            Sequence = Job.LastSequence + 1,
            At = time.GetUtcNow(),
            Kind = JobEventKind.Progress,
            State = Job.State,
            Backend = attempt.Backend,
            Attempt = attempt.Number,
            BestObjective = progress.BestObjective,
            BestIsFeasible = progress.BestIsFeasible,
            Elapsed = progress.Elapsed,
            Fraction = fraction,
        });
        await state.WriteStateAsync();
    }


    public async Task CompleteAttemptAsync(AttemptOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (!Exists || Job.State.IsTerminal())
            return;
        var attempt = Job.Attempts.FirstOrDefault(a => a.Number == outcome.Attempt);
        if (attempt is null || attempt.Outcome is not null)
            return;   // a repeated or stale report: this attempt is already accounted for
        if (outcome.Kind == AttemptResultKind.Cancelled)
        {
            // The worker stopped it without being asked (its silo is stopping): run the same attempt elsewhere.
            await RedispatchAsync(attempt);
            return;
        }

        var backend = attempt.Backend;
        var ledger = await billing.ChargeAttemptAsync(JobId, Submission.Tenant, outcome, backend);
        Job.ActualCost = ledger.Total;
        await ReportToBackendAsync(attempt, outcome);
        EndAttempt(outcome.Attempt, outcome.Kind, outcome.Error, outcome.Worker);

        switch (outcome.Kind)
        {
            case AttemptResultKind.Solved when outcome.Result is { } result:
                await FinishAsync(result.IsFeasible ? JobState.Completed : JobState.Incomplete,
                    result with { JobId = JobId, FromCache = false }, error: null, detail: result.Status);
                return;
            case AttemptResultKind.Failed:
                Event(JobEventKind.AttemptFailed, backend, attempt.Number, outcome.Error);
                Job.TriesOnBackend++;
                if (Job.TriesOnBackend < _options.RetryPolicy.MaxAttempts)
                {
                    var delay = RetryBackoff.Delay(_options.RetryPolicy, Job.TriesOnBackend, Random.Shared);
                    Job.NextDispatchAt = time.GetUtcNow() + delay;
                    Move(JobState.Queued, backend, attempt.Number, $"retry {Job.TriesOnBackend} of {_options.RetryPolicy.MaxAttempts - 1} on {backend} in {delay.TotalMilliseconds:0} ms");
                    await state.WriteStateAsync();
                    Schedule(delay);
                    return;
                }
                await FallBackAsync($"{backend} failed {Job.TriesOnBackend} time(s): {outcome.Error}");
                return;
            default:
                await AbandonTrialAsync(attempt, outcome.Error);
                Event(JobEventKind.AttemptFailed, backend, attempt.Number, outcome.Error ?? "the attempt ended without a result");
                await FallBackAsync($"{backend}: {outcome.Error ?? "no result"}");
                return;
        }
    }


    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!Exists)
        {
            await UnregisterAsync(reminderName);
            return;
        }
        await TickAsync();
    }

    /// <summary>One step of the job's own progress: dispatch a queued job, check a running one's attempt, finish an ended one's duties.</summary>
    private async Task TickAsync()
    {
        if (!Exists)
            return;
        switch (Job.State)
        {
            case JobState.Queued:
                await DispatchAsync();
                break;
            case JobState.Running when Job.CurrentAttempt is { } attempt:
                if (!await IsAliveAsync(attempt))
                    await RedispatchAsync(attempt);
                break;
            case var ended when ended.IsTerminal():
                if (Job.EndedAt + _options.ResultRetention <= time.GetUtcNow())
                    await ExpireAsync();
                else
                    await CloseAsync();
                break;
        }
    }

    private async Task DispatchAsync()
    {
        var now = time.GetUtcNow();
        if (Job.NextDispatchAt is { } at && at > now)
        {
            Schedule(at - now);
            return;
        }
        if (Job.Plan.Count == 0)
        {
            var refusals = new List<string>();
            var plan = await RankAsync(strategies.Resolve(Job.Strategy), ReadProblem(), refusals);
            if (plan.Count == 0)
            {
                await FinishAsync(JobState.Failed, null, $"no backend can run this problem: {string.Join("; ", refusals)}", "no backend");
                return;
            }
            Job.Plan = [.. plan];
            Job.PlanIndex = 0;
            Job.TriesOnBackend = 0;
        }

        while (Job.PlanIndex < Job.Plan.Count)
        {
            var backend = Job.Plan[Job.PlanIndex];
            var worker = await ChooseWorkerAsync();
            if (worker is null)
            {
                Job.NextDispatchAt = now + NoWorkerDelay;
                await state.WriteStateAsync();
                Schedule(NoWorkerDelay);
                return;
            }
            if (!await CoverAttemptAsync(backend))
                return;
            var permit = await Breaker(backend).TryAcquireAsync();
            if (!permit.Admitted)
            {
                Job.PlanIndex++;
                Job.TriesOnBackend = 0;
                var next = Job.PlanIndex < Job.Plan.Count ? Job.Plan[Job.PlanIndex] : null;
                Event(JobEventKind.FellBack, next, 0, $"the circuit breaker of {backend} is {permit.State}" + (next is null ? "" : $"; falling back to {next}"));
                continue;
            }
            Job.TrialAttempt = permit.State == BreakerState.HalfOpen ? Job.Attempts.Count + 1 : 0;
            await StartAttemptAsync(backend, worker);
            return;
        }
        await FinishAsync(JobState.Failed, null, FailureSummary("no backend admitted the job"), "no backend left");
    }

    /// <summary>
    /// Keeps a hard budget limit hard through retries and fallbacks: before an attempt starts, the reservation must
    /// cover what the job has been charged plus this attempt's estimate, or grow to it. If the budget refuses, the job
    /// ends failed with the refusal, having spent only what its reservation covered.
    /// </summary>
    private async Task<bool> CoverAttemptAsync(string backend)
    {
        var needed = (Job.ActualCost ?? 0m) + pricing.Estimate(backend, Job.ProblemSize, Submission.TimeLimit, threads: 1);
        if (needed <= Job.ReservedCost)
            return true;
        try
        {
            Job.ReservedCost = (await Budget().RaiseReservationAsync(JobId, needed)).Amount;
            return true;
        }
        catch (BudgetExceededException e)
        {
            await FinishAsync(JobState.Failed, null, $"the attempt on {backend} was not started: {e.Message}", "budget exhausted");
            return false;
        }
    }

    private async Task StartAttemptAsync(string backend, string worker)
    {
        var number = Job.Attempts.Count + 1;
        Job.Attempts.Add(new JobAttempt { Number = number, Backend = backend, Worker = worker, StartedAt = time.GetUtcNow() });
        Job.NextDispatchAt = null;
        Move(JobState.Running, backend, number, $"attempt {number} on {worker}");
        await state.WriteStateAsync();
        await EnqueueAsync(Job.Attempts[^1]);
    }

    /// <summary>Sends the attempt to its worker; a refusal puts the job back in the queue for a later try.</summary>
    private async Task EnqueueAsync(JobAttempt attempt)
    {
        WorkAcceptance acceptance;
        try
        {
            acceptance = await Worker(attempt.Worker!).EnqueueAsync(new SolveWorkItem
            {
                JobId = JobId,
                Attempt = attempt.Number,
                Backend = attempt.Backend,
                ProblemJson = Submission.ProblemJson,
                TimeLimit = Submission.TimeLimit,
                Seed = Submission.Seed,
            });
        }
        catch (Exception e)
        {
            acceptance = new WorkAcceptance(false, 0, $"worker {attempt.Worker} is unreachable: {e.Message}");
        }
        if (acceptance.Accepted)
            return;
        await AbandonTrialAsync(attempt, acceptance.Reason);
        EndAttempt(attempt.Number, AttemptResultKind.Refused, acceptance.Reason);
        Job.NextDispatchAt = time.GetUtcNow() + NoWorkerDelay;
        Move(JobState.Queued, attempt.Backend, attempt.Number, acceptance.Reason);
        await state.WriteStateAsync();
        Schedule(NoWorkerDelay);
    }

    /// <summary>Runs the current attempt again under the same number (its worker lost it), so its charges stay idempotent.</summary>
    private async Task RedispatchAsync(JobAttempt attempt)
    {
        var worker = await ChooseWorkerAsync();
        if (worker is null)
        {
            Schedule(NoWorkerDelay);
            return;
        }
        var index = Job.Attempts.FindIndex(a => a.Number == attempt.Number);
        Job.Attempts[index] = attempt with { Worker = worker };
        Event(JobEventKind.StateChanged, attempt.Backend, attempt.Number, $"attempt {attempt.Number} was lost with worker {attempt.Worker}; resumed on {worker}");
        await state.WriteStateAsync();
        await EnqueueAsync(Job.Attempts[index]);
    }

    private async Task<bool> IsAliveAsync(JobAttempt attempt)
    {
        if (attempt.Worker is null || !workers.GetWorkerIds().Contains(attempt.Worker, StringComparer.Ordinal))
            return false;
        try
        {
            return await Worker(attempt.Worker).HasAttemptAsync(JobId, attempt.Number);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Job {Job}: worker {Worker} did not answer; its attempt counts as lost.", JobId, attempt.Worker);
            return false;
        }
    }

    private async Task FallBackAsync(string reason)
    {
        Job.PlanIndex++;
        Job.TriesOnBackend = 0;
        Job.NextDispatchAt = null;
        if (Job.PlanIndex >= Job.Plan.Count)
        {
            await FinishAsync(JobState.Failed, null, FailureSummary("every backend failed"), reason);
            return;
        }
        var next = Job.Plan[Job.PlanIndex];
        Event(JobEventKind.FellBack, next, 0, $"{reason}; falling back to {next}");
        Move(JobState.Queued, next, Job.Attempts.Count, $"fallback to {next}");
        await state.WriteStateAsync();
        Schedule(TimeSpan.Zero);
    }

    /// <summary>Moves to a terminal state, persists, then performs the end duties.</summary>
    private async Task FinishAsync(JobState final, JobResult? result, string? error, string? detail)
    {
        var last = Job.Attempts.LastOrDefault();
        Job.Result = result;
        Job.Error = error;
        Job.EndedAt = time.GetUtcNow();
        if (result is not null)
            Job.BestObjective = result.Objective;
        Move(final, result?.Backend ?? last?.Backend, last?.Number ?? 0, detail, bestObjective: result?.Objective, bestIsFeasible: result?.IsFeasible);
        await state.WriteStateAsync();
        await CloseAsync();
    }

    /// <summary>The duties of an ended job, each idempotent: close the budget reservation, cache the schedule, turn
    /// the job's reminder from resume checks to the end of the retention. The reservation and the reminder are
    /// independent, so they are written together.</summary>
    private async Task CloseAsync()
    {
        if (_closed)
            return;
        if (Job.State == JobState.Completed && Job.Result is { FromCache: false } result && Submission.UseCache)
            cache.Set(Job.CacheKey, result);
        var due = Job.EndedAt!.Value + _options.ResultRetention - time.GetUtcNow();
        var period = _options.ResultRetention > _options.ResumeCheckInterval ? _options.ResultRetention : _options.ResumeCheckInterval;
        await Task.WhenAll(CloseBudgetAsync(), RegisterOrUpdateReminder(JobReminder, due > TimeSpan.Zero ? due : TimeSpan.Zero, period));
        _timer?.Dispose();
        _closed = true;
    }

    /// <summary>Settles the reservation with what the ledger holds, or releases it when nothing was charged.</summary>
    /// <remarks>Both are idempotent on the budget's side (a reservation is removed once), so closing is not recorded
    /// unless the job's cost changed: a job reactivated after its end closes again, changing nothing. That saves every
    /// job a write.</remarks>
    private async Task CloseBudgetAsync()
    {
        if (Job.BudgetClosed)
            return;
        var ledger = await billing.SettleAsync(JobId, Submission.Tenant);
        Job.BudgetClosed = true;
        if (Job.ActualCost != ledger.Total)
        {
            Job.ActualCost = ledger.Total;
            await state.WriteStateAsync();
        }
    }

    /// <summary>The retention has passed: the result and events go, and the job id is free again.</summary>
    private async Task ExpireAsync()
    {
        await UnregisterAsync(JobReminder);
        await state.ClearStateAsync();
        _signal.Publish();
        DeactivateOnIdle();
    }

    private async Task<IReadOnlyList<string>> RankAsync(IBackendSelector strategy, SchedulingProblem problem, ICollection<string> refusals)
    {
        var request = new BackendSelectionRequest
        {
            Problem = ProblemInstance.Compile(problem),
            ProblemSize = ProblemSizing.TaskAgentVariables(problem),
            QualityTarget = Submission.QualityTarget,
            RemainingBudget = Remaining(await Budget().GetStatusAsync()),
            TimeLimit = Submission.TimeLimit,
        };
        return await strategy.RankAsync(request, refusals, CancellationToken.None);
    }

    /// <summary>The reservation at submit: every attempt the retry policy allows on the costliest backend the strategy
    /// ranks. An attempt beyond it raises the reservation first (<see cref="CoverAttemptAsync"/>).</summary>
    private async Task<decimal> EstimateAsync(IBackendSelector strategy, SchedulingProblem problem, int size, JobSubmission submission)
    {
        var plan = await RankAsync(strategy, problem, new List<string>());
        var costliest = plan.Select(b => pricing.Estimate(b, size, submission.TimeLimit, threads: 1)).DefaultIfEmpty(0m).Max();
        return costliest * _options.RetryPolicy.MaxAttempts;
    }

    private static decimal? Remaining(BudgetSnapshot budget)
    {
        var committed = budget.Reserved;
        decimal? daily = budget.Limits.Daily - budget.SpentToday - committed;
        decimal? monthly = budget.Limits.Monthly - budget.SpentThisMonth - committed;
        return daily is null ? monthly : monthly is null ? daily : Math.Min(daily.Value, monthly.Value);
    }

    private async Task<string?> ChooseWorkerAsync()
    {
        var loads = await Task.WhenAll(workers.GetWorkerIds().Select(async id =>
        {
            try
            {
                return await Worker(id).GetLoadAsync();
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Worker {Worker} did not report its load; it is skipped.", id);
                return null;
            }
        }));
        return balancers.Default.Choose(loads.OfType<WorkerLoad>().ToList());
    }

    private async Task ReportToBackendAsync(JobAttempt attempt, AttemptOutcome outcome)
    {
        try
        {
            var breaker = Breaker(attempt.Backend);
            if (outcome.Kind == AttemptResultKind.Solved)
                await breaker.RecordSuccessAsync();
            else if (outcome.Kind == AttemptResultKind.Failed)
                await breaker.RecordFailureAsync(outcome.Error ?? "failed");
            if (outcome.Kind is AttemptResultKind.Solved or AttemptResultKind.Failed)
            {
                await Backend(attempt.Backend).RecordOutcomeAsync(new BackendOutcome
                {
                    Success = outcome.Kind == AttemptResultKind.Solved,
                    Latency = time.GetUtcNow() - attempt.StartedAt,
                    ProblemSize = Job.ProblemSize,
                    Feasible = outcome.Result?.IsFeasible ?? false,
                    QualityGap = SolutionQuality.GapOf(outcome.Result),
                    Error = outcome.Error,
                    At = time.GetUtcNow(),
                });
            }
        }
        catch (Exception e)
        {
            // Statistics and breakers are advisory; the job's own outcome does not depend on them.
            logger.LogWarning(e, "Job {Job}: reporting attempt {Attempt} to backend {Backend} failed.", JobId, attempt.Number, attempt.Backend);
        }
    }

    /// <summary>
    /// A half-open breaker admits one trial and waits for its verdict. When the trial ends without one (refused, or
    /// cancelled), the breaker is told it failed, so it opens again and admits a new trial after its recovery timeout
    /// instead of waiting for a verdict that will never come.
    /// </summary>
    private async Task AbandonTrialAsync(JobAttempt attempt, string? reason)
    {
        if (Job.TrialAttempt != attempt.Number)
            return;
        Job.TrialAttempt = 0;
        try
        {
            await Breaker(attempt.Backend).RecordFailureAsync($"the half-open trial (job {JobId}, attempt {attempt.Number}) ended without a verdict: {reason}");
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Job {Job}: the circuit breaker of {Backend} was not told that its trial did not run.", JobId, attempt.Backend);
        }
    }

    private void EndAttempt(int number, AttemptResultKind kind, string? error, string? worker = null)
    {
        var index = Job.Attempts.FindIndex(a => a.Number == number);
        var attempt = Job.Attempts[index];
        Job.Attempts[index] = attempt with { Outcome = kind, Error = error, EndedAt = time.GetUtcNow(), Worker = worker ?? attempt.Worker };
    }

    private void Move(JobState to, string? backend, int attempt, string? detail, bool transition = true, double? bestObjective = null, bool? bestIsFeasible = null)
    {
        if (transition)
            JobLifecycle.EnsureCanMove(JobId, Job.State, to);
        var now = time.GetUtcNow();
        Job.State = to;
        Job.Transitions.Add(new JobTransition(to, now, backend, attempt, detail));
        Append(new JobProgressEvent
        {
            Sequence = Job.LastSequence + 1,
            At = now,
            Kind = JobEventKind.StateChanged,
            State = to,
            Backend = backend,
            Attempt = attempt,
            BestObjective = bestObjective,
            BestIsFeasible = bestIsFeasible,
            Message = detail,
        });
    }

    private void Event(JobEventKind kind, string? backend, int attempt, string? message) => Append(new JobProgressEvent
    {
        Sequence = Job.LastSequence + 1,
        At = time.GetUtcNow(),
        Kind = kind,
        State = Job.State,
        Backend = backend,
        Attempt = attempt,
        Message = message,
    });

    private void Append(JobProgressEvent progressEvent)
    {
        Job.Events.Add(progressEvent);
        _signal.Publish();
    }

    private string FailureSummary(string headline)
    {
        var errors = Job.Attempts.Where(static a => a.Error is not null).Select(static a => $"attempt {a.Number} on {a.Backend}: {a.Error}").ToList();
        return errors.Count == 0 ? headline : $"{headline}: {string.Join("; ", errors)}";
    }

    private JobSnapshot Snapshot()
    {
        var last = Job.Attempts.LastOrDefault();
        return new JobSnapshot
        {
            JobId = JobId,
            State = Job.State,
            Tenant = Submission.Tenant,
            ClientRequestId = Submission.ClientRequestId,
            ProblemName = Job.ProblemName,
            Backend = last?.Backend ?? Job.Result?.Backend,
            Attempt = last?.Number ?? 0,
            Transitions = [.. Job.Transitions],
            Attempts = [.. Job.Attempts],
            BestObjective = Job.BestObjective,
            Error = Job.Error,
            FromCache = Job.FromCache,
            EstimatedCost = Job.EstimatedCost,
            ActualCost = Job.ActualCost,
            SubmittedAt = Job.SubmittedAt,
        };
    }

    private SchedulingProblem ReadProblem() =>
        _problem ??= ProblemJsonReader.Read(Submission.ProblemJson).Problem
                     ?? throw new InvalidOperationException($"Job {JobId}'s stored problem no longer reads.");

    private void Schedule(TimeSpan due)
    {
        _timer?.Dispose();
        _timer = RegisterGrainTimer(static (self, _) => self.TickAsync(), this, new GrainTimerCreationOptions(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan));
    }

    private async Task UnregisterAsync(string reminderName)
    {
        if (await GetReminder(reminderName) is { } reminder)
            await UnregisterReminder(reminder);
    }

    private JobNotFoundException NotFound() => new($"No job \"{JobId}\" exists (never submitted, refused at submit, or expired after its retention).");

    private IBudgetGrain Budget() => GrainFactory.GetGrain<IBudgetGrain>(Submission.Tenant);

    private IBackendGrain Backend(string name) => GrainFactory.GetGrain<IBackendGrain>(name);

    private ICircuitBreakerGrain Breaker(string name) => GrainFactory.GetGrain<ICircuitBreakerGrain>(name);

    private IWorkerNodeGrain Worker(string id) => GrainFactory.GetGrain<IWorkerNodeGrain>(id);
}
