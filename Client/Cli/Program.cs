using QuantumScheduler.Cli;

return await QsCommandLine.RunAsync(args, CliContext.ForProcess());
