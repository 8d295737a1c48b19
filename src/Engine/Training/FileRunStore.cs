using PcDarts.Core.Files;
using System.Text;

namespace PcDarts.Engine.Training;

/// <summary>
/// A run in a folder: <c>checkpoint/latest.ckpt</c> is the source of truth and <c>metrics.jsonl</c> is rewritten
/// from it after every epoch, so a crash between the two writes heals on resume.
/// </summary>
public sealed class FileRunStore : IRunStore
{
    public const string MetricsFile = "metrics.jsonl";
    public const string CheckpointFolder = "checkpoint";
    public const string CheckpointFile = "latest.ckpt";

    private readonly List<EpochResult> _history = [];

    public FileRunStore(string folder)
    {
        Folder = folder;
        if (File.Exists(CheckpointPath))
            _history.AddRange(Checkpoint.ReadHeader(File.ReadAllBytes(CheckpointPath)).History);
    }

    public string Folder { get; }
    public string CheckpointPath => Path.Combine(Folder, CheckpointFolder, CheckpointFile);
    public string MetricsPath => Path.Combine(Folder, MetricsFile);
    public IReadOnlyList<EpochResult> History => _history;

    public static bool HasCheckpoint(string folder) => File.Exists(Path.Combine(folder, CheckpointFolder, CheckpointFile));

    public byte[]? LoadCheckpoint() => File.Exists(CheckpointPath) ? File.ReadAllBytes(CheckpointPath) : null;

    public void CommitEpoch(EpochResult epoch, byte[] checkpoint)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(CheckpointPath)!);
        AtomicFile.WriteAllBytes(CheckpointPath, checkpoint);
        _history.Add(epoch);
        var lines = new StringBuilder();
        foreach (var result in _history) lines.Append(RunJson.MetricsLine(result)).Append('\n');
        AtomicFile.WriteAllText(MetricsPath, lines.ToString());
    }
}
