using System.Numerics;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Tests;

internal static class StateAssert
{
    public static void Close(IReadOnlyList<Complex> expected, QuantumState actual, double tolerance, string because = "")
    {
        Assert.Equal(expected.Count, actual.Length);
        var amplitudes = actual.ToArray();
        for (var k = 0; k < expected.Count; k++)
        {
            var error = Complex.Abs(expected[k] - amplitudes[k]);
            Assert.True(error <= tolerance, $"{because} amplitude {k}: expected {expected[k]}, got {amplitudes[k]} (error {error:E2} > {tolerance:E0})");
        }
    }

    public static void Close(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected}, got {actual} (error {Math.Abs(expected - actual):E2} > {tolerance:E0})");
}
