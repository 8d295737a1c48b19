using System.Text.Json;
using PcDarts.Core.Contracts;
using PcDarts.Core.Metrics;

namespace PcDarts.Api.Archives;

/// <summary>
/// An experiment as a tar.gz: <see cref="Manifest"/> (the experiment row, its spec and the artifacts' sizes and hashes),
/// <see cref="Metrics"/>, <see cref="Architecture"/> (α/β and genotype per epoch), <see cref="Logs"/>, and one
/// <c>artifacts/KIND.bin</c> per stored blob (final weights, or the checkpoint of a run that did not finish).
/// Nothing else may be in it.
/// </summary>
internal static class ExperimentArchive
{
    public const string Format = "pcdarts-experiment";
    public const int Version = 1;
    public const string Manifest = "manifest.json";
    public const string Metrics = "metrics.json";
    public const string Architecture = "architecture.json";
    public const string Logs = "logs.json";
    public const string ArtifactFolder = "artifacts/";
    public const string ContentType = "application/gzip";

    public static string ArtifactEntry(string kind) => $"{ArtifactFolder}{kind}.bin";

    /// <summary>Strict on reading: a missing required field or a null where none may be is bad JSON, not a half-filled row.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };
}

internal sealed record ArchiveManifest(string Format, int Version, DateTimeOffset ExportedAt, ArchivedExperiment Experiment, IReadOnlyList<ArchivedArtifact> Artifacts);

/// <summary>The experiment row as exported; <paramref name="Spec"/> is the stored spec JSON as it is.</summary>
internal sealed record ArchivedExperiment(
    Guid Id, string Kind, string Name, string[] Tags, JsonElement Spec, int Seed, string Queue, string Status,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Error,
    Guid? DerivedFromId, string? Genotype, long? Parameters, long? MultiplyAdds, string? CreatedBy);

internal sealed record ArchivedArtifact(string Kind, int Epoch, long Size, string Sha256, DateTimeOffset CreatedAt);

internal sealed record ArchivedEpoch(EpochMetrics Metrics, DateTimeOffset RecordedAt);

/// <summary>What an archive holds once read and checked.</summary>
internal sealed record ArchiveContent(
    ArchiveManifest Manifest, IReadOnlyList<ArchivedEpoch> Epochs, IReadOnlyList<EpochArchitectureDto> Architecture,
    IReadOnlyList<LogLineDto> Logs, IReadOnlyDictionary<string, byte[]> Artifacts);

/// <summary>An archive that cannot be imported; <see cref="Entry"/> names the entry at fault (400 under that name).</summary>
internal sealed class ArchiveException(string entry, string message) : Exception(message)
{
    public string Entry { get; } = entry;
}
