using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using QuantumScheduler.Grains.Backends;
using QuantumScheduler.Grains.Configuration;
using QuantumScheduler.Runtime.TestingHost;

namespace QuantumScheduler.Grains.Tests.Backends;

public sealed class CircuitBreakerGrainTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"qs-breaker-{Guid.NewGuid():N}");
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = new TestClusterBuilder()
            .UseSqliteStorage(_dataDirectory)
            .ConfigureSilo(silo => silo.Services.AddSingleton<TimeProvider>(_time))
            .Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        if (Directory.Exists(_dataDirectory))
            Directory.Delete(_dataDirectory, recursive: true);
    }

    private ICircuitBreakerGrain Breaker(string backend = "flaky") => _cluster.Client.GetGrain<ICircuitBreakerGrain>(backend);

    [Fact]
    public async Task Five_failures_open_it_then_one_trial_after_the_recovery_timeout_closes_it_on_success()
    {
        var breaker = Breaker();
        for (var failure = 1; failure <= 4; failure++)
        {
            Assert.True((await breaker.TryAcquireAsync()).Admitted);
            await breaker.RecordFailureAsync($"boom {failure}");
        }
        Assert.Equal(BreakerState.Closed, (await breaker.GetStateAsync()).State);

        Assert.True((await breaker.TryAcquireAsync()).Admitted);
        await breaker.RecordFailureAsync("boom 5");
        var opened = await breaker.GetStateAsync();
        Assert.Equal(BreakerState.Open, opened.State);
        Assert.Equal(5, opened.ConsecutiveFailures);
        Assert.Equal("boom 5", opened.LastError);
        Assert.Equal(_time.GetUtcNow(), opened.OpenedAt);
        Assert.Equal(_time.GetUtcNow().AddSeconds(60), opened.RetryAt);

        var refused = await breaker.TryAcquireAsync();
        Assert.Equal(new BreakerPermit(false, BreakerState.Open, _time.GetUtcNow().AddSeconds(60)), refused);

        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.False((await breaker.TryAcquireAsync()).Admitted);

        _time.Advance(TimeSpan.FromSeconds(1));
        var trial = await breaker.TryAcquireAsync();
        Assert.Equal(new BreakerPermit(true, BreakerState.HalfOpen, null), trial);
        var secondCaller = await breaker.TryAcquireAsync();
        Assert.Equal(new BreakerPermit(false, BreakerState.HalfOpen, null), secondCaller);
        Assert.True((await breaker.GetStateAsync()).TrialInFlight);
        Assert.Equal(_time.GetUtcNow().AddMinutes(10), (await breaker.GetStateAsync()).RetryAt);

        await breaker.RecordSuccessAsync();
        var closed = await breaker.GetStateAsync();
        Assert.Equal(BreakerState.Closed, closed.State);
        Assert.Equal(0, closed.ConsecutiveFailures);
        Assert.False(closed.TrialInFlight);
        Assert.Null(closed.RetryAt);
        Assert.Equal(new BreakerPermit(true, BreakerState.Closed, null), await breaker.TryAcquireAsync());
    }

    [Fact]
    public async Task A_failed_trial_opens_it_for_another_recovery_timeout()
    {
        var breaker = Breaker();
        await OpenAsync(breaker);
        _time.Advance(TimeSpan.FromSeconds(60));
        Assert.True((await breaker.TryAcquireAsync()).Admitted);

        _time.Advance(TimeSpan.FromSeconds(3));
        await breaker.RecordFailureAsync("still down");
        var reopened = await breaker.GetStateAsync();
        Assert.Equal(BreakerState.Open, reopened.State);
        Assert.Equal(_time.GetUtcNow().AddSeconds(60), reopened.RetryAt);
        Assert.False(reopened.TrialInFlight);
        Assert.False((await breaker.TryAcquireAsync()).Admitted);

        _time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(new BreakerPermit(true, BreakerState.HalfOpen, null), await breaker.TryAcquireAsync());
    }

    [Fact]
    public async Task A_trial_that_never_reports_is_counted_lost_after_the_trial_timeout()
    {
        var breaker = Breaker();
        await OpenAsync(breaker);
        _time.Advance(TimeSpan.FromSeconds(60));
        Assert.True((await breaker.TryAcquireAsync()).Admitted);

        Assert.Equal(_time.GetUtcNow().AddMinutes(10), (await breaker.GetStateAsync()).RetryAt);
        _time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        Assert.False((await breaker.TryAcquireAsync()).Admitted);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new BreakerPermit(true, BreakerState.HalfOpen, null), await breaker.TryAcquireAsync());
        Assert.False((await breaker.TryAcquireAsync()).Admitted);

        await breaker.RecordSuccessAsync();
        Assert.Equal(BreakerState.Closed, (await breaker.GetStateAsync()).State);
    }

    [Fact]
    public async Task A_success_resets_the_count_of_consecutive_failures()
    {
        var breaker = Breaker();
        for (var i = 0; i < 4; i++)
            await breaker.RecordFailureAsync("boom");
        await breaker.RecordSuccessAsync();
        for (var i = 0; i < 4; i++)
            await breaker.RecordFailureAsync("boom");

        var state = await breaker.GetStateAsync();
        Assert.Equal(BreakerState.Closed, state.State);
        Assert.Equal(4, state.ConsecutiveFailures);
    }

    [Fact]
    public async Task A_late_success_from_before_it_opened_does_not_close_it()
    {
        var breaker = Breaker();
        await OpenAsync(breaker);
        await breaker.RecordSuccessAsync();
        Assert.Equal(BreakerState.Open, (await breaker.GetStateAsync()).State);
    }

    [Fact]
    public async Task Its_state_survives_a_silo_restart()
    {
        await OpenAsync(Breaker("durable"));
        await _cluster.RestartSiloAsync(_cluster.Primary);

        var state = await Breaker("durable").GetStateAsync();
        Assert.Equal(BreakerState.Open, state.State);
        Assert.Equal(5, state.ConsecutiveFailures);
        Assert.False((await Breaker("durable").TryAcquireAsync()).Admitted);
    }

    [Fact]
    public async Task Threshold_and_timeout_come_from_the_options()
    {
        await using var cluster = new TestClusterBuilder()
            .ConfigureSilo(silo =>
            {
                silo.Services.AddSingleton<TimeProvider>(_time);
                silo.Services.Configure<SchedulerOptions>(o => o.CircuitBreaker = new CircuitBreakerOptions { FailureThreshold = 2, RecoveryTimeout = TimeSpan.FromSeconds(5) });
            })
            .Build();
        await cluster.DeployAsync();
        var breaker = cluster.Client.GetGrain<ICircuitBreakerGrain>("quick");
        await breaker.RecordFailureAsync("one");
        Assert.Equal(BreakerState.Closed, (await breaker.GetStateAsync()).State);
        await breaker.RecordFailureAsync("two");
        Assert.Equal(_time.GetUtcNow().AddSeconds(5), (await breaker.GetStateAsync()).RetryAt);
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.True((await breaker.TryAcquireAsync()).Admitted);
    }

    private static async Task OpenAsync(ICircuitBreakerGrain breaker)
    {
        for (var i = 0; i < 5; i++)
            await breaker.RecordFailureAsync("boom");
        Assert.Equal(BreakerState.Open, (await breaker.GetStateAsync()).State);
    }
}
