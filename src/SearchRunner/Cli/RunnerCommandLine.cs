using System.CommandLine;
using PcDarts.Cli.CommandLine;
using PcDarts.Cli.Specs;
using PcDarts.Core.Specs;
using PcDarts.Engine.Data;
using PcDarts.Engine.Training;

namespace PcDarts.SearchRunner.Cli;

/// <summary>`pcdarts-runner`: the runner node (`run`) and the local engine verbs.</summary>
public static class RunnerCommandLine
{
    public const string Name = "pcdarts-runner";

    public static RootCommand Create() => new("pcdarts-runner — PC-DARTS on this machine: join the platform's queue as a worker node, " +
        "or search, train, derive, inspect, sample and benchmark locally. Exit codes: 0 done, 2 usage error (the option is named).")
    {
        RunCommand.Create(),
        SearchCommand.Create(),
        TrainCommand.Create(),
        DeriveCommand.Create(),
        InspectCommand.Create(),
        SampleCommand.Create(),
        BenchCommand.Create(),
    };

    public static int Run(string[] args) => CommandLineApp.Run(Name, Create(), args, Describe);

    /// <summary>The engine's refusals that are the user's to fix, as one line.</summary>
    private static (string, int)? Describe(Exception e) => e switch
    {
        SpecValidationException invalid => (SearchSpecOptions.Create().UsageError(invalid.Errors).Message, CommandLineApp.UsageExitCode),
        DatasetNotFoundException missing => (missing.Message, CommandLineApp.UsageExitCode),
        DataFormatException unreadable => (unreadable.Message, CommandLineApp.UsageExitCode),
        CheckpointMismatchException mismatch => ($"--resume: {mismatch.Message}", CommandLineApp.UsageExitCode),
        _ => null,
    };
}
