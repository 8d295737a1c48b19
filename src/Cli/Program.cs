using PcDarts.Cli;

return ClientCommandLine.Run(args);
