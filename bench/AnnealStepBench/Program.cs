using System.Diagnostics;
using System.Globalization;
using QuantumScheduler.Solvers.IO;
using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Quantum.Annealing;
using QuantumScheduler.Solvers.Quantum.Qubo;
using QuantumScheduler.Solvers.Quantum.Qubo.Moves;

// The cost of one proposal of the one-hot anneal (OneHotMetropolis with the annealing backend's proposal shares) at
// fixed places of its β schedule: a walk from a random start, first equilibrated at that β for a while (so it sits
// where an anneal would be there), then timed. Arguments: GAP files (Yagiura's format, minimisation).
// Environment: STEP_SECONDS (timed seconds per place, default 2), STEP_WARMUP (warm-up sweeps, default 20 000).
double Setting(string name, double fallback) =>
    Environment.GetEnvironmentVariable(name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;
var seconds = Setting("STEP_SECONDS", 2);
var warmup = (int)Setting("STEP_WARMUP", 20_000);
double[] places = [0.6, 1.0];
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: AnnealStepBench GAP-FILE...   (e.g. ../shared/benchmarks/gap/yagiura/d10100)");
    return 2;
}

Console.WriteLine($"AnnealStepBench: {seconds} s per place after {warmup} warm-up sweeps; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} (run it on a quiet machine)");
Console.WriteLine("| instance | tasks × agents | place | β | ns per proposal | accepted per proposal | energy |");
Console.WriteLine("|---|---|---|---|---|---|---|");
foreach (var path in args)
{
    var problem = GapFileReader.Read(path, ObjectiveSense.Minimize)[0];
    var qubo = QuboFormulator.Formulate(ProblemInstance.Compile(problem));
    var structure = qubo.Structure;
    var metropolis = new OneHotMetropolis(structure, new SimulatedAnnealingOptions());
    var random = new Xoshiro256(1, 0);
    var state = new OneHotState(structure, OneHotStart.Choice(structure, new QuboSampleRequest(1, TimeSpan.FromSeconds(1)), 0, ref random));
    var (hot, cold) = BetaSchedule.OneHotRange(structure, qubo.Report.ObjectiveResolution, new SimulatedAnnealingOptions().HotSpreadShare);
    foreach (var place in places)
    {
        var beta = BetaSchedule.At(BetaScheduleKind.Geometric, hot, cold, place);
        for (var s = 0; s < warmup; s++) metropolis.Sweep(state, beta, ref random);
        var (proposals, accepted) = (0L, 0L);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            accepted += metropolis.Sweep(state, beta, ref random);
            proposals += metropolis.Movable.Length;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {problem.Name} | {structure.TaskCount} × {structure.AgentCount} | {place:0.0#} | {beta:0.###} | {clock.Elapsed.TotalNanoseconds / proposals:0.0} | {(double)accepted / proposals:0.0E+0} | {state.Energy:0} |"));
    }
}
return 0;
