using QuantumScheduler.Grains.Backends;
using QuantumScheduler.Grains.Errors;
using QuantumScheduler.Grains.Jobs;
using QuantumScheduler.Grains.Tests.Jobs.Fixtures;
using QuantumScheduler.Solvers.IO.Json;

namespace QuantumScheduler.Grains.Tests.Jobs;

public sealed class JobAdmissionTests
{
    private static readonly JobSubmission Valid = new() { ProblemJson = Examples.Read("team-with-skills.json") };

    private static BackendInfo Backend(int? maxSize = null, int? maxQubits = null) => new()
    {
        Name = "qaoa",
        Family = "quantum_simulator",
        Enabled = true,
        Available = true,
        Healthy = true,
        Stats = new BackendStats(),
        MaxProblemSize = maxSize,
        MaxQubits = maxQubits,
    };

    [Fact]
    public void A_valid_submission_reads_its_problem() => Assert.Equal("team-with-skills", JobAdmission.ReadProblem(Valid).Name);

    [Fact]
    public void Empty_or_broken_json_is_refused_with_where_it_broke()
    {
        var empty = Assert.Throws<InvalidProblemException>(() => JobAdmission.ReadProblem(Valid with { ProblemJson = " " }));
        var broken = Assert.Throws<InvalidProblemException>(() => JobAdmission.ReadProblem(Valid with { ProblemJson = "{ \"agents\": [" }));

        Assert.Contains("the document is empty", empty.Message);
        Assert.Contains("line", broken.Message);
    }

    [Fact]
    public void Every_bad_field_of_the_submission_is_listed()
    {
        var error = Assert.Throws<InvalidProblemException>(() => JobAdmission.ReadProblem(Valid with { Tenant = "", TimeLimit = TimeSpan.FromSeconds(-1), QualityTarget = double.NaN }));

        Assert.StartsWith("The submission is invalid (3 errors):", error.Message);
        Assert.Contains("submission.tenant: must not be empty", error.Message);
        Assert.Contains("submission.timeLimit: must be positive (was -00:00:01)", error.Message);
        Assert.Contains("submission.qualityTarget", error.Message);
    }

    [Fact]
    public void The_limits_of_a_named_backend_are_checked_with_both_numbers()
    {
        var problem = ProblemJsonReader.Read(Valid.ProblemJson).Problem!;

        JobAdmission.EnsureCanTake(Backend(maxSize: 24, maxQubits: 24), problem);
        var size = Assert.Throws<ProblemTooLargeException>(() => JobAdmission.EnsureCanTake(Backend(maxSize: 23), problem));
        var qubits = Assert.Throws<ProblemTooLargeException>(() => JobAdmission.EnsureCanTake(Backend(maxQubits: 20), problem));

        Assert.Equal("Problem \"team-with-skills\" has 24 task-agent variables (6 tasks × 4 agents); backend \"qaoa\" accepts at most 23 (max_problem_size).", size.Message);
        Assert.Contains("needs at least 24 qubits", qubits.Message);
        Assert.Contains("at most 20 (max_qubits)", qubits.Message);
    }

    [Fact]
    public void A_disabled_or_unavailable_named_backend_is_refused_as_such_before_its_limits_are_looked_at()
    {
        var problem = ProblemJsonReader.Read(Valid.ProblemJson).Problem!;

        var disabled = Assert.Throws<BackendUnavailableException>(() => JobAdmission.EnsureCanTake(Backend(maxQubits: 0) with { Enabled = false }, problem));
        var unavailable = Assert.Throws<BackendUnavailableException>(() =>
            JobAdmission.EnsureCanTake(Backend(maxQubits: 0) with { Available = false, AvailabilityReason = "no hardware provider is configured" }, problem));

        Assert.Equal("Backend \"qaoa\" is disabled in the configuration (backends.qaoa.enabled, or its family's); enable it or choose another backend.", disabled.Message);
        Assert.Equal("Backend \"qaoa\" is unavailable: no hardware provider is configured", unavailable.Message);
    }

    [Fact]
    public void The_fingerprint_changes_with_what_is_asked_for_but_not_with_labels()
    {
        var fingerprint = SubmissionFingerprint.Compute(Valid);

        Assert.Equal(fingerprint, SubmissionFingerprint.Compute(Valid with { Labels = new Dictionary<string, string> { ["team"] = "a" } }));
        Assert.NotEqual(fingerprint, SubmissionFingerprint.Compute(Valid with { Seed = 2 }));
        Assert.NotEqual(fingerprint, SubmissionFingerprint.Compute(Valid with { Backend = "hybrid" }));
        Assert.NotEqual(fingerprint, SubmissionFingerprint.Compute(Valid with { Tenant = "other" }));
        Assert.NotEqual(fingerprint, SubmissionFingerprint.Compute(Valid with { ProblemJson = Valid.ProblemJson + " " }));
    }
}
