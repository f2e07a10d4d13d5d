using QuantumScheduler.Bench.SolverBench;

return await BenchCommand.Create(BenchRunner.RunAsync).Parse(args).InvokeAsync();
