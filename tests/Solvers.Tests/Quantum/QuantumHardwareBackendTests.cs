using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Checking;
using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Quantum.Hardware;
using QuantumScheduler.Solvers.Quantum.Qubo;

namespace QuantumScheduler.Solvers.Tests.Quantum;

public class QuantumHardwareBackendTests
{
    [Fact]
    public async Task Without_a_provider_the_backend_is_unavailable_and_says_why()
    {
        var backend = new QuantumHardwareBackend();
        var instance = ProblemInstance.Compile(QuboTestProblems.Gap(41, 3, 2));

        Assert.False(backend.Availability.IsAvailable);
        Assert.Equal("no quantum hardware provider is configured", backend.Availability.Reason);
        Assert.Equal("quantum-hardware", backend.Name);
        var error = await Assert.ThrowsAsync<NotSupportedException>(() => backend.SolveAsync(instance, new SolveOptions(), null, CancellationToken.None));
        Assert.Contains("no quantum hardware provider is configured", error.Message);
    }

    [Fact]
    public async Task With_a_provider_samples_are_decoded_checked_and_polished_like_any_other()
    {
        var instance = ProblemInstance.Compile(QuboTestProblems.Gap(42, 4, 2));
        var provider = new GroundStateProvider();
        var backend = new QuantumHardwareBackend(provider, new QuantumHardwareBackendOptions { PollInterval = TimeSpan.FromMilliseconds(1) });

        var result = await backend.SolveAsync(instance, new SolveOptions { TimeLimit = TimeSpan.FromMinutes(1) }, null, CancellationToken.None);

        Assert.True(backend.Availability.IsAvailable);
        Assert.Equal(1, provider.Submitted);
        Assert.True(FeasibilityChecker.Check(instance, result.AgentOfTask).IsFeasible);
        Assert.Equal("test-device", result.Details["qubo.sampler"]);
    }

    /// <summary>A test double of a device: it "measures" the exact ground state after one pending poll.</summary>
    private sealed class GroundStateProvider : IQuantumHardwareProvider
    {
        private QuboModel? _model;
        private int _polls;

        public int Submitted { get; private set; }
        public string Name => "test-device";
        public QuantumHardwareCapabilities Capabilities => new(SupportsQubo: true, SupportsCircuits: false, MaxQubits: 24, MaxShots: 10);

        public Task<HardwareCostEstimate> EstimateCostAsync(HardwareSubmission submission, CancellationToken cancellationToken) =>
            Task.FromResult(new HardwareCostEstimate(0, "USD", null));

        public Task<string> SubmitAsync(HardwareSubmission submission, CancellationToken cancellationToken)
        {
            _model = submission.Qubo;
            Submitted++;
            return Task.FromResult("job-1");
        }

        public Task<HardwareJobStatus> PollAsync(string jobId, CancellationToken cancellationToken) =>
            Task.FromResult(_polls++ == 0
                ? new HardwareJobStatus(HardwareJobState.Queued)
                : new HardwareJobStatus(HardwareJobState.Completed, [QuboTestProblems.GroundState(_model!).Bits]));

        public Task CancelAsync(string jobId, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
