using PcDarts.SearchRunner.Cli;

return CommandDispatcher.Run(args);
