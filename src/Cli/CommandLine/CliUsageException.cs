namespace PcDarts.Cli.CommandLine;

/// <summary>A mistake in how the command was called: printed as one line, exit code 2, nothing written.</summary>
public sealed class CliUsageException(string message) : Exception(message);
