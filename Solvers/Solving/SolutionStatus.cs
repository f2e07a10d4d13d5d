namespace QuantumScheduler.Solvers.Solving;

/// <summary>The outcome of one solve.</summary>
public enum SolutionStatus
{
    /// <summary>A schedule breaking no hard constraint was found.</summary>
    Feasible,

    /// <summary>The backend ran but its best schedule breaks hard constraints (see the violations and the diagnosis).</summary>
    Infeasible,

    /// <summary>The problem did not pass validation; nothing was solved (see the validation errors).</summary>
    Invalid,

    /// <summary>The backend does not support what the problem uses (see the refusal reasons).</summary>
    Refused,

    /// <summary>The backend cannot run on this machine (see the refusal reasons).</summary>
    Unavailable,
}
