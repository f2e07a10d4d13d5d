namespace QuantumScheduler.Solvers.Quantum.Qubo.Moves;

/// <summary>
/// A move of three different tasks at once, each to a variable of its own on the agent one of the others leaves
/// (<c>FirstTo</c> is the first task's target, and so on): a 3-cycle over three agents or a two-for-one exchange
/// between two. Priced by <see cref="OneHotState.CycleDelta"/> and made by <see cref="OneHotState.Cycle"/>.
/// </summary>
internal readonly record struct CyclicExchange(int First, int Second, int Third, int FirstTo, int SecondTo, int ThirdTo);
