namespace QuantumScheduler.Solvers.Solving;

/// <summary>A task on an agent with its time; Start and End are null when the task could not be given a time.</summary>
public sealed record ScheduledAssignment(string TaskId, string AgentId, double? Start, double? End);
