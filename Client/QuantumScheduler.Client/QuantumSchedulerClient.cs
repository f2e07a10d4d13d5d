using System.Runtime.CompilerServices;
using QuantumScheduler.Grains.Backends;
using QuantumScheduler.Grains.Budgets;
using QuantumScheduler.Grains.Costs;
using QuantumScheduler.Grains.Errors;
using QuantumScheduler.Grains.Jobs;
using QuantumScheduler.Runtime;

namespace QuantumScheduler.Client;

/// <summary>
/// The scheduling service from .NET: submit problems, follow and wait for jobs, read results and costs, manage budgets
/// and inspect backends. Works over any <see cref="IClusterClient"/>: the co-hosted client of an in-process silo or the
/// external client of a cluster. Thread-safe; one instance serves a whole application.
/// </summary>
/// <remarks>
/// Refusals arrive as the contract's exception types (namespace <c>QuantumScheduler.Grains.Errors</c>):
/// <see cref="InvalidProblemException"/> (every validation error with its path), <see cref="UnknownBackendException"/>,
/// <see cref="BackendUnavailableException"/>, <see cref="ProblemTooLargeException"/>, <see cref="BudgetExceededException"/>,
/// <see cref="JobNotFoundException"/> and
/// <see cref="JobConflictException"/>. Cancelling a call's token abandons the wait on the client; it does not cancel
/// the job (use <see cref="CancelAsync"/> for that).
/// </remarks>
public sealed class QuantumSchedulerClient
{
    private readonly IClusterClient _cluster;
    private readonly QuantumSchedulerClientOptions _options;

    /// <summary>Creates a client over <paramref name="cluster"/>.</summary>
    /// <param name="cluster">The connection to the cluster (co-hosted or external).</param>
    /// <param name="options">Settings; null: the defaults.</param>
    /// <exception cref="ArgumentException">An option has an invalid value; the message names it.</exception>
    public QuantumSchedulerClient(IClusterClient cluster, QuantumSchedulerClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        _cluster = cluster;
        _options = options ?? new QuantumSchedulerClientOptions();
        _options.Validate();
    }

    /// <summary>
    /// Submits a problem in the JSON problem format (docs/problem-format.md). The job id is derived from the tenant and
    /// <see cref="SubmitOptions.ClientRequestId"/> when one is given (so a repeated submit returns the same job), and is
    /// fresh otherwise. Returns once the job is accepted and queued; follow it with <see cref="WatchAsync"/> or
    /// <see cref="WaitAsync"/>.
    /// </summary>
    /// <param name="problemJson">The problem, as JSON text.</param>
    /// <param name="options">How to run it; null: the server's defaults.</param>
    /// <param name="cancellationToken">Abandons the call on the client.</param>
    /// <returns>The job as it is after the submit.</returns>
    /// <exception cref="InvalidProblemException">The problem does not parse or validate.</exception>
    /// <exception cref="UnknownBackendException">No strategy or backend has the requested name.</exception>
    /// <exception cref="BackendUnavailableException">The requested backend is disabled or unavailable.</exception>
    /// <exception cref="ProblemTooLargeException">The problem exceeds the requested backend's limits.</exception>
    /// <exception cref="BudgetExceededException">The estimated cost would exceed the tenant's hard budget limit.</exception>
    /// <exception cref="JobConflictException">A different problem was already submitted under the same client request id.</exception>
    public Task<JobSnapshot> SubmitAsync(string problemJson, SubmitOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problemJson);
        options ??= new SubmitOptions();
        var tenant = TenantOrDefault(options.Tenant);
        var jobId = options.ClientRequestId is { } requestId ? JobIds.ForClientRequest(tenant, requestId) : JobIds.New();
        var submission = new JobSubmission
        {
            ProblemJson = problemJson,
            Tenant = tenant,
            ClientRequestId = options.ClientRequestId,
            Backend = options.Backend,
            UseCache = options.UseCache,
            QualityTarget = options.QualityTarget,
        };
        if (options.TimeLimit is { } timeLimit)
            submission = submission with { TimeLimit = timeLimit };
        if (options.Seed is { } seed)
            submission = submission with { Seed = seed };
        if (options.Labels is { } labels)
            submission = submission with { Labels = new Dictionary<string, string>(labels) };
        return Job(jobId).SubmitAsync(submission).WaitAsync(cancellationToken);
    }

    /// <summary>Submits the problem in the JSON file at <paramref name="path"/>; otherwise as <see cref="SubmitAsync"/>.</summary>
    /// <param name="path">A file in the JSON problem format.</param>
    /// <param name="options">How to run it; null: the server's defaults.</param>
    /// <param name="cancellationToken">Abandons the call on the client.</param>
    /// <returns>The job as it is after the submit.</returns>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidProblemException">The problem does not parse or validate.</exception>
    public async Task<JobSnapshot> SubmitFileAsync(string path, SubmitOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var json = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return await SubmitAsync(json, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The job as it is now: state, backend, attempts, transitions, best objective, costs.</summary>
    /// <param name="jobId">The id <see cref="SubmitAsync"/> returned.</param>
    /// <param name="cancellationToken">Abandons the call on the client.</param>
    /// <exception cref="JobNotFoundException">No job has this id.</exception>
    public Task<JobSnapshot> GetStatusAsync(string jobId, CancellationToken cancellationToken = default) =>
        Job(jobId).GetStatusAsync().WaitAsync(cancellationToken);

    /// <summary>
    /// Waits until the job has ended (completed, incomplete, failed or cancelled) and returns it. Follows the job's
    /// events by long polling, so it returns as soon as the job ends.
    /// </summary>
    /// <param name="jobId">The id <see cref="SubmitAsync"/> returned.</param>
    /// <param name="timeout">Longest wait; null: until the job ends or <paramref name="cancellationToken"/> fires.</param>
    /// <param name="cancellationToken">Abandons the wait (the job goes on).</param>
    /// <returns>The ended job.</returns>
    /// <exception cref="JobNotFoundException">No job has this id.</exception>
    /// <exception cref="TimeoutException">The job had not ended within <paramref name="timeout"/>; the message says its state.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public async Task<JobSnapshot> WaitAsync(string jobId, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var snapshot = await GetStatusAsync(jobId, cancellationToken).ConfigureAwait(false);
        if (snapshot.State.IsTerminal())
            return snapshot;

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } limit)
            deadline.CancelAfter(limit);
        try
        {
            await foreach (var _ in WatchAsync(jobId, 0, deadline.Token).ConfigureAwait(false))
            {
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var now = await GetStatusAsync(jobId, cancellationToken).ConfigureAwait(false);
            if (now.State.IsTerminal())
                return now;
            throw new TimeoutException($"Job {jobId} did not end within {timeout}; it is {now.State}.");
        }
        return await GetStatusAsync(jobId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The job's progress events as they happen, in order (state changes, best-so-far objectives, failed attempts,
    /// fallbacks), by long polling the job. The sequence ends after the event that takes the job to a terminal state;
    /// for a job that has already ended it replays the retained events and ends.
    /// </summary>
    /// <param name="jobId">The id <see cref="SubmitAsync"/> returned.</param>
    /// <param name="afterSequence">Start after this event number (0: from the first event), to resume a watch.</param>
    /// <param name="cancellationToken">Stops watching (the job goes on).</param>
    /// <exception cref="JobNotFoundException">No job has this id.</exception>
    public async IAsyncEnumerable<JobProgressEvent> WatchAsync(string jobId, long afterSequence = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        var job = Job(jobId);
        // A clear JobNotFoundException up front, rather than an empty watch that never ends.
        await job.GetStatusAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        var last = afterSequence;
        while (true)
        {
            var page = await job.GetEventsAsync(last, _options.EventPollWait).WaitAsync(cancellationToken).ConfigureAwait(false);
            foreach (var progressEvent in page.Events)
            {
                if (progressEvent.Sequence <= last)
                    continue;
                last = progressEvent.Sequence;
                yield return progressEvent;
            }
            if (page.IsTerminal && last >= page.LastSequence)
                yield break;
        }
    }

    /// <summary>The schedule the job produced, once it has ended completed or incomplete; null before that and for
    /// failed or cancelled jobs.</summary>
    /// <param name="jobId">The id <see cref="SubmitAsync"/> returned.</param>
    /// <param name="cancellationToken">Abandons the call on the client.</param>
    /// <exception cref="JobNotFoundException">No job has this id.</exception>
    public async Task<JobResult?> GetResultAsync(string jobId, CancellationToken cancellationToken = default)
    {
        var job = Job(jobId);
        await job.GetStatusAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        return await job.GetResultAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Cancels a job that has not ended (a running solve is stopped, the budget reservation released);
    /// cancelling an ended job changes nothing.</summary>
    /// <param name="jobId">The id <see cref="SubmitAsync"/> returned.</param>
    /// <param name="reason">Recorded on the job; null: "cancelled by the client".</param>
    /// <param name="cancellationToken">Abandons the call on the client.</param>
    /// <returns>The job after the cancel.</returns>
    /// <exception cref="JobNotFoundException">No job has this id.</exception>
    public Task<JobSnapshot> CancelAsync(string jobId, string? reason = null, CancellationToken cancellationToken = default) =>
        Job(jobId).CancelAsync(reason ?? "cancelled by the client").WaitAsync(cancellationToken);

    /// <summary>The job's cost ledger: one entry per attempt, backend and resource, and the total.</summary>
    /// <param name="jobId">The id <see cref="SubmitAsync"/> returned.</param>
    /// <param name="cancellationToken">Abandons the call on the client.</param>
    /// <exception cref="JobNotFoundException">No job has this id.</exception>
    public async Task<CostLedger> GetCostAsync(string jobId, CancellationToken cancellationToken = default)
    {
        // The ledger of an unknown id is merely empty; asking the job first makes a mistyped id an error.
        await GetStatusAsync(jobId, cancellationToken).ConfigureAwait(false);
        return await _cluster.GetGrain<ICostGrain>(jobId).GetLedgerAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A tenant's budget: limits, spend today and this month, reservations, alerts and the month-end forecast.</summary>
    /// <param name="tenant">The tenant; null: <see cref="QuantumSchedulerClientOptions.DefaultTenant"/>.</param>
    /// <param name="cancellationToken">Abandons the call on the client.</param>
    public Task<BudgetSnapshot> GetBudgetAsync(string? tenant = null, CancellationToken cancellationToken = default) =>
        Budget(tenant).GetStatusAsync().WaitAsync(cancellationToken);

    /// <summary>Sets a tenant's daily and monthly limits (null: unlimited for that period).</summary>
    /// <param name="tenant">The tenant; null: <see cref="QuantumSchedulerClientOptions.DefaultTenant"/>.</param>
    /// <param name="limits">The new limits.</param>
    /// <param name="cancellationToken">Abandons the call on the client.</param>
    /// <returns>The budget with its new limits.</returns>
    public Task<BudgetSnapshot> ConfigureBudgetAsync(string? tenant, BudgetLimits limits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return Budget(tenant).ConfigureAsync(limits).WaitAsync(cancellationToken);
    }

    /// <summary>Every backend the cluster knows, in registration order, with its configuration, availability, health,
    /// statistics and circuit-breaker state. The names come from the server's backend catalog.</summary>
    /// <param name="cancellationToken">Abandons the call on the client.</param>
    public async Task<IReadOnlyList<BackendStatus>> GetBackendsAsync(CancellationToken cancellationToken = default)
    {
        var names = await _cluster.GetGrain<IBackendCatalogGrain>(IBackendCatalogGrain.Key).GetBackendNamesAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        var statuses = await Task.WhenAll(names.Select(GetBackendAsync)).WaitAsync(cancellationToken).ConfigureAwait(false);
        return statuses;
    }

    private async Task<BackendStatus> GetBackendAsync(string name)
    {
        var info = _cluster.GetGrain<IBackendGrain>(name).GetInfoAsync();
        var breaker = _cluster.GetGrain<ICircuitBreakerGrain>(name).GetStateAsync();
        return new BackendStatus(await info.ConfigureAwait(false), await breaker.ConfigureAwait(false));
    }

    private ISchedulingJobGrain Job(string jobId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        return _cluster.GetGrain<ISchedulingJobGrain>(jobId);
    }

    private IBudgetGrain Budget(string? tenant) => _cluster.GetGrain<IBudgetGrain>(TenantOrDefault(tenant));

    private string TenantOrDefault(string? tenant) => string.IsNullOrWhiteSpace(tenant) ? _options.DefaultTenant : tenant;
}
