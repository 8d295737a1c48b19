using PcDarts.SearchRunner.Cli;

return RunnerCommandLine.Run(args);
