namespace PcDarts.Persistence.Entities;

public static class ArtifactKinds
{
    /// <summary>The latest resumable state of a run (replaced after every epoch).</summary>
    public const string Checkpoint = "checkpoint";
    /// <summary>The trained weights at the end of a run.</summary>
    public const string Weights = "weights";
}

/// <summary>
/// A binary blob of a run, kept in PostgreSQL (bytea) so that any runner reaching the database can resume a job
/// that another runner started. One row per (experiment, kind): the checkpoint row is overwritten each epoch.
/// </summary>
public sealed class Artifact
{
    public long Id { get; set; }
    public Guid ExperimentId { get; set; }
    public required string Kind { get; set; }
    /// <summary>The epoch after which the blob was taken.</summary>
    public int Epoch { get; set; }
    public required byte[] Content { get; set; }
    public long Size { get; set; }
    /// <summary>Lower-case hex SHA-256 of <see cref="Content"/>.</summary>
    public required string Sha256 { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public static Artifact Create(Guid experimentId, string kind, int epoch, byte[] content, DateTimeOffset at) => new()
    {
        ExperimentId = experimentId,
        Kind = kind,
        Epoch = epoch,
        Content = content,
        Size = content.LongLength,
        Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
        CreatedAt = at,
    };
}
