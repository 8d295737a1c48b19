using PcDarts.Cli.CommandLine;

namespace PcDarts.SearchRunner.Cli;

/// <summary>The rules for --out: never overwrite a finished run, resume only on request.</summary>
internal static class OutputFolder
{
    /// <summary>Checks the folder before any work starts; returns whether a checkpoint is there to resume from.</summary>
    public static bool Prepare(string folder, bool resume, string finishedMarker)
    {
        var finished = File.Exists(Path.Combine(folder, finishedMarker));
        var hasCheckpoint = PcDarts.Engine.Training.FileRunStore.HasCheckpoint(folder);
        if (finished && !resume)
            throw new CliUsageException($"--out: '{folder}' already holds a finished run; choose another folder");
        if (hasCheckpoint && !resume)
            throw new CliUsageException($"--out: '{folder}' holds an unfinished run; pass --resume to continue it or choose another folder");
        if (!hasCheckpoint && File.Exists(folder))
            throw new CliUsageException($"--out: '{folder}' is a file, not a folder");
        return hasCheckpoint;
    }
}
