namespace PcDarts.Engine.Data;

/// <summary>
/// A data set's files are missing. The message is meant to be shown to a user as is:
/// it names the data set, the folder searched, the files expected there and how to get them.
/// </summary>
public sealed class DatasetNotFoundException : FileNotFoundException
{
    public DatasetNotFoundException(string dataset, string directory, IReadOnlyList<string> expectedFiles, string? hint = null)
        : base(BuildMessage(dataset, directory, expectedFiles, hint), expectedFiles.Count > 0 ? Path.Combine(directory, expectedFiles[0]) : directory)
    {
        Dataset = dataset;
        Directory = directory;
        ExpectedFiles = expectedFiles;
    }

    public string Dataset { get; }
    public string Directory { get; }
    public IReadOnlyList<string> ExpectedFiles { get; }

    private static string BuildMessage(string dataset, string directory, IReadOnlyList<string> expectedFiles, string? hint)
    {
        var message = $"Data set '{dataset}' not found in '{Path.GetFullPath(directory)}': expected {string.Join(", ", expectedFiles)}.";
        return hint is null ? message : $"{message} {hint}";
    }
}
