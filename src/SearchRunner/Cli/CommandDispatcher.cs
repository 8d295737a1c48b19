using PcDarts.Core.Specs;
using PcDarts.SearchRunner.Cli.Remote;
using PcDarts.Engine.Data;

namespace PcDarts.SearchRunner.Cli;

/// <summary>Routes `pcdarts VERB …` to its command and turns every user mistake into one line and exit code 2.</summary>
public static class CommandDispatcher
{
    private static readonly Dictionary<string, (Func<IReadOnlyList<string>, int> Run, string Usage, string Summary)> Verbs = new()
    {
        ["search"] = (SearchCommand.Run, SearchCommand.Usage, "run a PC-DARTS search into a folder"),
        ["train"] = (TrainCommand.Run, TrainCommand.Usage, "retrain a genotype from scratch as a full network"),
        ["sample"] = (SampleCommand.Run, SampleCommand.Usage, "print a uniformly random genotype (the baseline)"),
        ["derive"] = (DeriveCommand.Run, DeriveCommand.Usage, "derive a genotype from raw α/β"),
        ["inspect"] = (InspectCommand.Run, InspectCommand.Usage, "count parameters (and multiply-adds) of a network"),
        ["bench"] = (BenchCommand.Run, BenchCommand.Usage, "time search steps and peak memory per K"),
        ["runner"] = (RunnerCommand.Run, RunnerCommand.Usage, "join the platform queue as a worker node"),
        ["submit"] = (SubmitCommand.Run, SubmitCommand.Usage, "queue a search or retrain on the platform (--server URL)"),
        ["wait"] = (WaitCommand.Run, WaitCommand.Usage, "follow a platform experiment to its end (exit 0 succeeded, 1 failed, 3 timeout)"),
        ["download"] = (DownloadCommand.Run, DownloadCommand.Usage, "download a platform experiment's genotype, weights or metrics"),
        ["list"] = (ListCommand.Run, ListCommand.Usage, "list the platform's experiments"),
    };

    public static int Run(string[] args)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            Console.Out.WriteLine(Overview());
            return args.Length == 0 ? 2 : 0;
        }
        if (!Verbs.TryGetValue(args[0], out var verb))
        {
            Console.Error.WriteLine($"pcdarts: unknown command '{args[0]}' (commands: {string.Join(", ", Verbs.Keys)})");
            return 2;
        }
        var rest = args[1..];
        if (rest.Contains("--help") || rest.Contains("-h"))
        {
            Console.Out.WriteLine(verb.Usage);
            return 0;
        }
        try
        {
            return verb.Run(rest);
        }
        catch (CliUsageException e)
        {
            return Fail(e.Message);
        }
        catch (SpecValidationException e)
        {
            return Fail(SearchSpecFlags.All.UsageError(e.Errors).Message);
        }
        catch (DatasetNotFoundException e)
        {
            return Fail(e.Message);
        }
        catch (PcDarts.Engine.Training.CheckpointMismatchException e)
        {
            return Fail($"--resume: {e.Message}");
        }
        catch (ServerProblemException e)
        {
            return Fail(e.Message, e.ExitCode);
        }
        catch (HttpRequestException e)
        {
            return Fail($"cannot reach the server: {e.Message}", ExitCodes.ServerError);
        }
        catch (TaskCanceledException e) when (e.InnerException is TimeoutException)
        {
            return Fail("the server did not answer in time", ExitCodes.ServerError);
        }
    }

    private static int Fail(string message, int exitCode = 2)
    {
        Console.Error.WriteLine($"pcdarts: {message}");
        return exitCode;
    }

    private static string Overview() =>
        "pcdarts — PC-DARTS architecture search\n\n" +
        string.Join("\n", Verbs.Select(v => $"  pcdarts {v.Key,-8} {v.Value.Summary}")) +
        "\n\n'pcdarts COMMAND --help' shows a command's options.";
}
