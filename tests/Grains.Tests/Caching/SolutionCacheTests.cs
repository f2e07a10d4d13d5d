using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using QuantumScheduler.Grains.Caching;
using QuantumScheduler.Grains.Configuration;
using QuantumScheduler.Grains.Jobs;

namespace QuantumScheduler.Grains.Tests.Caching;

public sealed class SolutionCacheTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-25T12:00:00Z"));

    private SolutionCache Cache(int size, TimeSpan ttl) =>
        new(Options.Create(new SchedulerOptions { Cache = new SolutionCacheOptions { Size = size, Ttl = ttl } }), _time);

    private static JobResult Result(string id) => new() { JobId = id, Backend = "classical-tabu", Status = "Feasible", IsFeasible = true, Assignments = [] };

    [Fact]
    public void The_least_recently_used_entry_is_evicted_when_the_cache_is_full()
    {
        var cache = Cache(2, TimeSpan.FromHours(1));
        cache.Set("a", Result("a"));
        cache.Set("b", Result("b"));
        Assert.True(cache.TryGet("a", out _));   // a is now the most recent

        cache.Set("c", Result("c"));

        Assert.True(cache.TryGet("a", out var a));
        Assert.Equal("a", a.JobId);
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("c", out _));
        Assert.Equal(2, cache.Count);
        Assert.Equal((3L, 1L), (cache.Hits, cache.Misses));
    }

    [Fact]
    public void An_entry_expires_after_its_time_to_live_from_when_it_was_stored()
    {
        var cache = Cache(10, TimeSpan.FromMinutes(5));
        cache.Set("a", Result("a"));

        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.True(cache.TryGet("a", out _));   // reading does not extend the lifetime
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.False(cache.TryGet("a", out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Setting_a_key_again_replaces_its_result_and_restarts_its_lifetime()
    {
        var cache = Cache(10, TimeSpan.FromMinutes(5));
        cache.Set("a", Result("first"));
        _time.Advance(TimeSpan.FromMinutes(4));

        cache.Set("a", Result("second"));
        _time.Advance(TimeSpan.FromMinutes(4));

        Assert.True(cache.TryGet("a", out var result));
        Assert.Equal("second", result.JobId);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void A_size_of_zero_disables_the_cache()
    {
        var cache = Cache(0, TimeSpan.FromHours(1));
        cache.Set("a", Result("a"));

        Assert.False(cache.TryGet("a", out _));
    }
}
