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
/// <remarks>A success reported while the breaker is open (from an attempt admitted before it opened) does not close
/// it: only the trial decides. A trial that has not reported within <see cref="CircuitBreakerOptions.TrialTimeout"/> is
/// counted as lost (its caller died) and the next caller becomes the trial.</remarks>
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
            case BreakerState.HalfOpen when Breaker.TrialInFlight && time.GetUtcNow() < Breaker.TrialStartedAt + Options.TrialTimeout:
                return new BreakerPermit(false, BreakerState.HalfOpen, null);
            case BreakerState.Open when time.GetUtcNow() < RetryAt:
                return new BreakerPermit(false, BreakerState.Open, RetryAt);
            default:
                if (Breaker.State == BreakerState.HalfOpen)
                    logger.LogWarning("Circuit breaker of {Backend}: the trial admitted at {TrialStartedAt} never reported; admitting another", this.GetPrimaryKeyString(), Breaker.TrialStartedAt);
                Breaker.State = BreakerState.HalfOpen;
                Breaker.TrialInFlight = true;
                Breaker.TrialStartedAt = time.GetUtcNow();
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
        Breaker.TrialStartedAt = null;
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
            Breaker.TrialStartedAt = null;
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
        RetryAt = Breaker.State switch
        {
            BreakerState.Open => RetryAt,
            BreakerState.HalfOpen when Breaker.TrialInFlight => Breaker.TrialStartedAt + Options.TrialTimeout,
            _ => null,
        },
        TrialInFlight = Breaker.TrialInFlight,
        LastError = Breaker.LastError,
    });

    private DateTimeOffset? RetryAt => Breaker.OpenedAt + Options.RecoveryTimeout;
}
