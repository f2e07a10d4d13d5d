using QuantumScheduler.Solvers.Backends.Tabu;

namespace QuantumScheduler.Solvers.Tests.Backends.Tabu;

public sealed class ElitePoolTests
{
    [Fact]
    public void Keeps_the_best_distinct_solutions_best_first()
    {
        var pool = new ElitePool(3);

        Assert.True(pool.Offer(10, [0, 1]));
        Assert.True(pool.Offer(8, [1, 1]));
        Assert.False(pool.Offer(10, [0, 1]));
        Assert.True(pool.Offer(10, [1, 0]));
        Assert.False(pool.Offer(12, [0, 0]));
        Assert.True(pool.Offer(9, [0, 0]));

        Assert.Equal([8.0, 9.0, 10.0], pool.Solutions.Select(s => s.Objective));
        Assert.Equal([1, 1], pool.Solutions[0].SlotOf);
    }
}
