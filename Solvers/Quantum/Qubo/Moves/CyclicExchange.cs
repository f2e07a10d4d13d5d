namespace QuantumScheduler.Solvers.Quantum.Qubo.Moves;

/// <summary>
/// A move of three different tasks at once, each to the agent one of the others leaves (<c>FirstTo</c> is the first
/// task's target agent, and so on): a 3-cycle over three agents or a two-for-one exchange between two. Priced by
/// <see cref="OneHotState.CycleDelta"/> (+∞ when a task has no variable on its target) and made by
/// <see cref="OneHotState.Cycle"/>. Agents, not variables: the anneal rejects almost every cycle it proposes, and prices
/// it from (task, agent) tables without looking the variables up.
/// </summary>
internal readonly record struct CyclicExchange(int First, int Second, int Third, int FirstTo, int SecondTo, int ThirdTo);
