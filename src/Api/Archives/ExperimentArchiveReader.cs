using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using PcDarts.Core.Contracts;
using PcDarts.Persistence.Entities;

namespace PcDarts.Api.Archives;

/// <summary>
/// Reads an uploaded <see cref="ExperimentArchive"/> into memory, trusting nothing: only the known entry names (so no
/// path leaves the archive), only regular files, each at most its size limit and all together at most
/// <c>maxBytes</c> unpacked (so a small gzip cannot unpack to gigabytes), every JSON entry parsed strictly, every
/// artifact matching the size and SHA-256 the manifest gives. The first fault throws <see cref="ArchiveException"/>.
/// </summary>
internal static class ExperimentArchiveReader
{
    /// <summary>The most a JSON entry may unpack to (a paper-scale search's α/β history is a few MB).</summary>
    public const long MaxJsonEntryBytes = 64L * 1024 * 1024;

    private static readonly string[] KnownArtifactKinds = [ArtifactKinds.Weights, ArtifactKinds.Checkpoint];

    public static async Task<ArchiveContent> ReadAsync(Stream body, long maxBytes, CancellationToken ct)
    {
        var entries = await UnpackAsync(body, maxBytes, ct);
        var manifest = Parse<ArchiveManifest>(entries, ExperimentArchive.Manifest);
        if (manifest.Format != ExperimentArchive.Format || manifest.Version != ExperimentArchive.Version)
            throw new ArchiveException(ExperimentArchive.Manifest, $"format must be {ExperimentArchive.Format} version {ExperimentArchive.Version}, got {manifest.Format} version {manifest.Version}");
        if (manifest.Experiment is null) throw new ArchiveException(ExperimentArchive.Manifest, "experiment is missing");
        var artifacts = new Dictionary<string, byte[]>();
        foreach (var artifact in manifest.Artifacts ?? [])
        {
            var name = ExperimentArchive.ArtifactEntry(artifact.Kind);
            if (!KnownArtifactKinds.Contains(artifact.Kind)) throw new ArchiveException(ExperimentArchive.Manifest, $"unknown artifact kind '{artifact.Kind}'");
            if (!entries.Remove(name, out var bytes)) throw new ArchiveException(name, "listed in the manifest but missing");
            if (bytes.LongLength != artifact.Size || Convert.ToHexStringLower(SHA256.HashData(bytes)) != artifact.Sha256)
                throw new ArchiveException(name, "size or SHA-256 differs from the manifest (damaged archive)");
            artifacts[artifact.Kind] = bytes;
        }
        var content = new ArchiveContent(manifest,
            Parse<List<ArchivedEpoch>>(entries, ExperimentArchive.Metrics),
            Parse<List<EpochArchitectureDto>>(entries, ExperimentArchive.Architecture),
            Parse<List<LogLineDto>>(entries, ExperimentArchive.Logs),
            artifacts);
        if (entries.Keys.FirstOrDefault(k => k.StartsWith(ExperimentArchive.ArtifactFolder, StringComparison.Ordinal)) is { } extra)
            throw new ArchiveException(extra, "not listed in the manifest");
        return content;
    }

    private static async Task<Dictionary<string, byte[]>> UnpackAsync(Stream body, long maxBytes, CancellationToken ct)
    {
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        long total = 0;
        try
        {
            await using var gzip = new GZipStream(body, CompressionMode.Decompress, leaveOpen: true);
            await using var tar = new TarReader(gzip);
            while (await tar.GetNextEntryAsync(copyData: false, ct) is { } entry)
            {
                var name = entry.Name;
                if (!IsKnownName(name)) throw new ArchiveException(name, "is not part of an experiment archive (only manifest.json, metrics.json, architecture.json, logs.json and artifacts/KIND.bin are)");
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)) throw new ArchiveException(name, $"must be a regular file, not {entry.EntryType}");
                if (entries.ContainsKey(name)) throw new ArchiveException(name, "appears twice");
                var limit = name.EndsWith(".json", StringComparison.Ordinal) ? Math.Min(MaxJsonEntryBytes, maxBytes) : maxBytes;
                if (entry.Length > limit || total + entry.Length > maxBytes)
                    throw new ArchiveException(name, $"too large: {entry.Length} bytes (an entry may hold {limit}, the archive {maxBytes} unpacked)");
                total += entry.Length;
                var bytes = new byte[entry.Length];
                if (entry.DataStream is { } data) await data.ReadExactlyAsync(bytes, ct);
                entries[name] = bytes;
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new ArchiveException("archive", $"not a readable tar.gz: {e.Message}");
        }
        return entries;
    }

    private static bool IsKnownName(string name) =>
        name is ExperimentArchive.Manifest or ExperimentArchive.Metrics or ExperimentArchive.Architecture or ExperimentArchive.Logs ||
        KnownArtifactKinds.Any(k => name == ExperimentArchive.ArtifactEntry(k));

    private static T Parse<T>(Dictionary<string, byte[]> entries, string name) where T : class
    {
        if (!entries.Remove(name, out var bytes)) throw new ArchiveException(name, "missing");
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, ExperimentArchive.Json) ?? throw new ArchiveException(name, "is null");
        }
        catch (JsonException e)
        {
            throw new ArchiveException(name, $"bad JSON{(e.Path is null ? "" : $" at {e.Path}")}: {e.Message}");
        }
    }
}
