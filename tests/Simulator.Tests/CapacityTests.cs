namespace QuantumScheduler.Solvers.Quantum.Simulator.Tests;

public class CapacityTests
{
    [Theory]
    [InlineData(1L << 20, StatePrecision.Complex128, 16)]
    [InlineData(1L << 20, StatePrecision.Complex64, 17)]
    [InlineData((1L << 20) - 1, StatePrecision.Complex128, 15)]
    [InlineData(24L << 30, StatePrecision.Complex128, 30)]
    [InlineData(6L << 30, StatePrecision.Complex128, 28)]
    [InlineData(31, StatePrecision.Complex128, 0)]
    public void Max_qubits_is_the_largest_state_that_fits(long limit, StatePrecision precision, int expected) =>
        Assert.Equal(expected, SimulatorCapacity.MaxQubits(limit, precision));

    [Fact]
    public void A_state_over_the_limit_is_refused_with_qubits_bytes_and_limit()
    {
        var options = new SimulatorOptions { MemoryLimitBytes = 1 << 20 };
        var error = Assert.Throws<StateTooLargeException>(() => QuantumState.Create(20, StatePrecision.Complex128, options));
        Assert.Equal(20, error.Qubits);
        Assert.Equal(16L << 20, error.BytesNeeded);
        Assert.Equal(1L << 20, error.LimitBytes);
        Assert.Contains("20-qubit", error.Message);
        Assert.Contains("16,777,216 bytes", error.Message);
        Assert.Contains("1,048,576 bytes", error.Message);
        Assert.Contains("at most 16 qubits", error.Message);

        using var fits = QuantumState.Create(16, StatePrecision.Complex128, options);
        Assert.Equal(1, fits.Norm());
    }

    [Fact]
    public void Default_limit_is_a_quarter_of_available_memory() =>
        Assert.Equal(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4, SimulatorCapacity.DefaultMemoryLimitBytes);

    [Fact]
    public void Invalid_options_and_sizes_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => QuantumState.Create(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => QuantumState.Create(3, options: new SimulatorOptions { MaxDegreeOfParallelism = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SimulatorCapacity.MaxQubits(0, StatePrecision.Complex64));
    }

    [Fact]
    public void Disposed_state_refuses_work()
    {
        var state = QuantumState.Create(4);
        state.Dispose();
        Assert.Throws<ObjectDisposedException>(() => state.H(0));
    }
}
