using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuantumScheduler.Grains.Configuration;
using QuantumScheduler.Runtime;

namespace QuantumScheduler.Grains.Backends;

/// <summary>
/// The circuit breaker of one backend (key: backend name), with <see cref="CircuitBreakerOptions"/>: closed until
/// <c>failure_threshold</c> consecutive failures open it; open refuses until <c>recovery_timeout</c> has passed
/// since it opened; the first caller after that becomes the one half-open trial (others are refused while it runs);
/// the trial's success closes the breaker, its failure opens it again for another timeout. Time comes from the
/// injected <see cref="TimeProvider"/> and the open → half-open step is taken when a caller asks, so no timer is
/// needed. Every change is persisted before the caller hears of it.
/// </summary>
/// <remarks>Outcomes reported while the breaker is open (attempts admitted before it opened) count as failures
/// toward nothing and do not close it: only the trial decides.</remarks>
[GrainType("circuitbreaker")]
public sealed class CircuitBreakerGrain(
    [PersistentState("breaker")] IPersistentState<CircuitBreakerGrainState> state,
    IOptions<SchedulerOptions> options,
    TimeProvider time,
    ILogger<CircuitBreakerGrain> logger) : Grain, ICircuitBreakerGrain
{
    private CircuitBreakerOptions Options => options.Value.CircuitBreaker;

    private CircuitBreakerGrainState Breaker => state.State;

    public async Task<BreakerPermit> TryAcquireAsync()
    {
        switch (Breaker.State)
        {
            case BreakerState.Closed:
                return new BreakerPermit(true, BreakerState.Closed, null);
            case BreakerState.HalfOpen when Breaker.TrialInFlight:
                return new BreakerPermit(false, BreakerState.HalfOpen, null);
            case BreakerState.Open when time.GetUtcNow() < RetryAt:
                return new BreakerPermit(false, BreakerState.Open, RetryAt);
            default:
                Breaker.State = BreakerState.HalfOpen;
                Breaker.TrialInFlight = true;
                await state.WriteStateAsync();
                logger.LogInformation("Circuit breaker of {Backend} is half-open: one trial admitted", this.GetPrimaryKeyString());
                return new BreakerPermit(true, BreakerState.HalfOpen, null);
        }
    }

    public async Task RecordSuccessAsync()
    {
        switch (Breaker.State)
        {
            case BreakerState.Closed when Breaker.ConsecutiveFailures == 0:
            case BreakerState.Open:
                return;
            case BreakerState.HalfOpen:
                logger.LogInformation("Circuit breaker of {Backend} closed: the trial succeeded", this.GetPrimaryKeyString());
                break;
        }
        Breaker.State = BreakerState.Closed;
        Breaker.ConsecutiveFailures = 0;
        Breaker.OpenedAt = null;
        Breaker.TrialInFlight = false;
        await state.WriteStateAsync();
    }

    public async Task RecordFailureAsync(string error)
    {
        Breaker.LastError = error;
        Breaker.ConsecutiveFailures++;
        var opens = Breaker.State switch
        {
            BreakerState.Closed => Breaker.ConsecutiveFailures >= Options.FailureThreshold,
            BreakerState.HalfOpen => true,
            _ => false,
        };
        if (opens)
        {
            Breaker.State = BreakerState.Open;
            Breaker.OpenedAt = time.GetUtcNow();
            Breaker.TrialInFlight = false;
            logger.LogWarning("Circuit breaker of {Backend} opened after {Failures} consecutive failures; last: {Error}",
                this.GetPrimaryKeyString(), Breaker.ConsecutiveFailures, error);
        }
        await state.WriteStateAsync();
    }

    public Task<BreakerSnapshot> GetStateAsync() => Task.FromResult(new BreakerSnapshot
    {
        Backend = this.GetPrimaryKeyString(),
        State = Breaker.State,
        ConsecutiveFailures = Breaker.ConsecutiveFailures,
        OpenedAt = Breaker.OpenedAt,
        RetryAt = Breaker.State == BreakerState.Open ? RetryAt : null,
        TrialInFlight = Breaker.TrialInFlight,
        LastError = Breaker.LastError,
    });

    private DateTimeOffset? RetryAt => Breaker.OpenedAt + Options.RecoveryTimeout;
}
