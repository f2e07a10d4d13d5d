using System.Text.RegularExpressions;
using QuantumScheduler.Client.Tests.Fixtures;
using QuantumScheduler.Grains.Errors;
using QuantumScheduler.Grains.Jobs;
using QuantumScheduler.Solvers.Backends.Registry;
using QuantumScheduler.Solvers.IO.Json;
using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Solving;

namespace QuantumScheduler.Client.Tests.Sdk;

/// <summary>Every backend of the registry, by name, on every example, through the SDK and an in-process silo.</summary>
[Collection(SchedulingClusterCollection.Name)]
public sealed class EveryBackendTests(SchedulingClusterFixture fixture)
{
    private static readonly BackendRegistry Registry = BackendRegistry.CreateDefault();

    public static TheoryData<string> BackendNames() => new(Registry.Names);

    [Fact]
    public async Task The_server_lists_every_backend_of_the_registry_with_a_closed_breaker_and_hardware_unavailable()
    {
        var backends = await fixture.Client.GetBackendsAsync();

        Assert.Equal(Registry.Names, backends.Select(static b => b.Name));
        var hardware = Assert.Single(backends, static b => b.Name == "quantum-hardware");
        Assert.False(hardware.Info.Available);
        Assert.False(string.IsNullOrEmpty(hardware.Info.AvailabilityReason));
        Assert.True(backends.Single(static b => b.Name == "classical-mip").Info.Available, "CBC is installed on this machine");
    }

    [Theory]
    [MemberData(nameof(BackendNames))]
    public async Task Each_example_is_solved_by_the_named_backend_or_refused_with_the_reason(string backend)
    {
        var outcomes = await Task.WhenAll(Examples.Files.Select(file => RunAsync(backend, file)));

        foreach (var outcome in outcomes)
            outcome.Check();
    }

    private async Task<Outcome> RunAsync(string backend, string file)
    {
        var problem = ProblemJsonReader.ReadFile(file).Problem!;
        var options = new SubmitOptions { Backend = backend, TimeLimit = TimeSpan.FromSeconds(0.5), Tenant = SchedulingClusterFixture.NewTenant(), UseCache = false };
        try
        {
            var job = await fixture.Client.SubmitFileAsync(file, options);
            var ended = await fixture.Client.WaitAsync(job.JobId, TimeSpan.FromSeconds(90));
            return new Outcome(backend, problem, ended, await fixture.Client.GetResultAsync(job.JobId), null);
        }
        catch (Exception refusal) when (refusal is ProblemTooLargeException or UnknownBackendException or InvalidProblemException or BackendUnavailableException)
        {
            return new Outcome(backend, problem, null, null, refusal);
        }
    }

    private sealed record Outcome(string Backend, SchedulingProblem Problem, JobSnapshot? Job, JobResult? Result, Exception? SubmitRefusal)
    {
        private string Name => $"{Backend} on {Problem.Name}";

        public void Check()
        {
            var solver = Registry.Get(Backend);
            var reasons = CapabilityCheck.Refusals(ProblemInstance.Compile(Problem), solver.Capabilities);
            if (IsStrategyName)
                CheckSolved(); // the strategy ranks the backends that can take the problem
            else if (!solver.Availability.IsAvailable)
                CheckRefusedAsUnavailable(solver.Availability.Reason!);
            else if (reasons.Count > 0)
                CheckRefusedWith(reasons);
            else if (Job is { State: JobState.Failed } failed && IsQubitShortfall(failed.Error))
            {
                // The solver's capability check counts task-agent variables, not the QUBO's slack qubits; the
                // backend catalog counts the qubits and refuses at dispatch, naming the need and the limit.
                Assert.Null(Result);
            }
            else
                CheckSolved();
        }

        private void CheckRefusedAsUnavailable(string availabilityReason)
        {
            // Refused at submit, before anything is stored, naming the backend and why it cannot run.
            var refusal = Assert.IsType<BackendUnavailableException>(SubmitRefusal);
            Assert.Contains(Backend, refusal.Message, StringComparison.Ordinal);
            Assert.Contains(availabilityReason, refusal.Message, StringComparison.Ordinal);
        }

        private void CheckRefusedWith(IReadOnlyList<string> reasons)
        {
            Assert.True(SubmitRefusal is null, $"{Name}: refused at submit ({SubmitRefusal?.Message}), expected at dispatch with the backend's reasons");
            Assert.True(Job!.State == JobState.Failed, $"{Name}: expected a refusal, was {Job.State}");
            Assert.Null(Result);
            foreach (var reason in reasons)
                Assert.Contains(reason, Job.Error, StringComparison.Ordinal);
        }

        private void CheckSolved()
        {
            Assert.True(SubmitRefusal is null, $"{Name}: refused at submit: {SubmitRefusal?.Message}");
            Assert.True(Job!.State is JobState.Completed or JobState.Incomplete, $"{Name}: ended {Job.State}: {Job.Error}");
            Assert.NotNull(Result);
            if (!IsStrategyName)
                Assert.Equal(Backend, Result.Backend);
            Assert.Equal(Problem.Tasks.Select(static t => t.Id).Order(), Result.Assignments.Select(static a => a.TaskId).Concat(Result.UnassignedTaskIds).Order());
            Assert.All(Result.Assignments, a => Assert.Contains(a.AgentId, Problem.Agents.Select(static agent => agent.Id)));
            Assert.Equal(Result.IsFeasible ? JobState.Completed : JobState.Incomplete, Job.State);
            if (Problem.Name == "infeasible-rust-capacity")
                Assert.False(Result.IsFeasible, $"{Name}: a provably infeasible problem came back feasible");
        }

        /// <summary>"hybrid" names both a registry backend and the default strategy; a submit naming it gets the
        /// strategy (reported: the hybrid backend itself cannot be chosen by name).</summary>
        private bool IsStrategyName => Backend == "hybrid";

        private static bool IsQubitShortfall(string? error) => error is not null && Regex.IsMatch(error, @"needs \d+ qubits; max_qubits is \d+");
    }
}
