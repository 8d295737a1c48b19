using PcDarts.Core.Specs;

namespace PcDarts.SearchRunner.Runner;

/// <summary>Whether this node can read a registered data set's folder: the one test the heartbeat and a starting job share.</summary>
public static class DatasetAccess
{
    /// <summary>Null when the folder exists, can be listed and holds something; else what is wrong with it.</summary>
    public static string? Problem(DatasetSource source)
    {
        try
        {
            if (!Directory.Exists(source.Path)) return "does not exist here (or is not a folder)";
            return Directory.EnumerateFileSystemEntries(source.Path).Any() ? null : "is empty";
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return $"cannot be read: {e.Message}";
        }
    }
}

/// <summary>A job's registered data set is not readable on the runner that took it: the job fails at once, naming both.</summary>
public sealed class DatasetUnavailableException(DatasetSource source, string runner, string problem)
    : Exception($"data set '{source.Name}': its path {source.Path} {problem} on runner '{runner}' (host {Environment.MachineName}); "
                + "mount it there or run the job on a queue whose runners can read it (the runners page shows which can)");
