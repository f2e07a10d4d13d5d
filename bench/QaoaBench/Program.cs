using System.Diagnostics;
using System.Globalization;
using QuantumScheduler.Bench.QaoaBench;
using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Checking;
using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Quantum.Qaoa;

// One run of the default qaoa backend (p = 3, CVaR-0.2, INTERP, 1024 shots, 3 batches, 1 thread) per instance.
(int Seed, int Tasks, int Agents)[] instances = [(1, 3, 2), (2, 4, 2), (3, 4, 2), (4, 5, 2), (5, 3, 3), (6, 5, 2), (7, 4, 3)];
var backend = new QaoaBackend();
var options = new SolveOptions { TimeLimit = TimeSpan.FromSeconds(60), Seed = 1, Threads = 1 };

Console.WriteLine("| instance | qubits (x + slack) | brute force | qaoa | gap | raw feasible samples | P(ground state) | evaluations | time |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
foreach (var (seed, tasks, agents) in instances)
{
    var instance = ProblemInstance.Compile(SmallGap.Create(seed, tasks, agents));
    var optimum = BruteForce.Optimum(instance);
    var clock = Stopwatch.StartNew();
    var result = await backend.SolveAsync(instance, options, null, CancellationToken.None);
    var time = clock.Elapsed;
    var check = FeasibilityChecker.Check(instance, result.AgentOfTask);
    var d = result.Details;
    var objective = check.IsFeasible ? check.PenalizedObjective.ToString("0.##", CultureInfo.InvariantCulture) : "infeasible";
    var gap = check.IsFeasible && optimum is { } best ? ((check.PenalizedObjective - best) / best).ToString("P1", CultureInfo.InvariantCulture) : "—";
    Console.WriteLine($"| {instance.Problem.Name} | {d["qubo.variables"]} ({d["qubo.assignmentVariables"]} + {d["qubo.slackBits"]}) | {optimum?.ToString("0.##", CultureInfo.InvariantCulture) ?? "infeasible"} | {objective} | {gap} | {d["qubo.rawFeasibleSamples"]}/{d["qubo.samples"]} | {double.Parse(d["qaoa.groundStateProbability"], CultureInfo.InvariantCulture):0.0000} | {d["qaoa.evaluations"]} | {time.TotalSeconds:0.00} s |");
}
