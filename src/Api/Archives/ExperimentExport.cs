using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PcDarts.Core.Contracts;
using PcDarts.Persistence;

namespace PcDarts.Api.Archives;

/// <summary>Writes one experiment, read in one snapshot, as an <see cref="ExperimentArchive"/> tar.gz.</summary>
internal static class ExperimentExport
{
    /// <summary>Null when there is no such experiment.</summary>
    public static Task<ArchiveContent?> ReadAsync(PcDartsDbContext db, Guid id, TimeProvider clock, CancellationToken ct) =>
        // The retrying strategy replays the whole snapshot if the connection drops (it refuses a bare user transaction).
        db.Database.CreateExecutionStrategy().ExecuteAsync(async c =>
        {
            await using var snapshot = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, c);
            return await ReadSnapshotAsync(db, id, clock, c);
        }, ct);

    private static async Task<ArchiveContent?> ReadSnapshotAsync(PcDartsDbContext db, Guid id, TimeProvider clock, CancellationToken ct)
    {
        var e = await db.Experiments.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return null;
        var epochs = await db.EpochMetrics.AsNoTracking().Where(r => r.ExperimentId == id).OrderBy(r => r.Epoch)
            .Select(r => new ArchivedEpoch(r.Metrics, r.RecordedAt)).ToListAsync(ct);
        var architecture = await db.EpochArchitectures.AsNoTracking().Where(r => r.ExperimentId == id).OrderBy(r => r.Epoch)
            .Select(r => new EpochArchitectureDto(r.Epoch, r.AlphasNormal, r.AlphasReduce, r.BetasNormal, r.BetasReduce, r.Genotype)).ToListAsync(ct);
        var logs = await db.LogLines.AsNoTracking().Where(l => l.ExperimentId == id).OrderBy(l => l.Sequence)
            .Select(l => new LogLineDto(l.Sequence, l.At, l.Level, l.Text)).ToListAsync(ct);
        var artifacts = await db.Artifacts.AsNoTracking().Where(a => a.ExperimentId == id).OrderBy(a => a.Kind).ToListAsync(ct);
        using var spec = JsonDocument.Parse(e.Spec);
        var manifest = new ArchiveManifest(ExperimentArchive.Format, ExperimentArchive.Version, clock.GetUtcNow(),
            new ArchivedExperiment(e.Id, e.Kind, e.Name, e.Tags, spec.RootElement.Clone(), e.Seed, e.Queue, e.Status, e.CreatedAt,
                e.StartedAt, e.FinishedAt, e.Error, e.DerivedFromId, e.Genotype, e.Parameters, e.MultiplyAdds, e.CreatedBy),
            artifacts.Select(a => new ArchivedArtifact(a.Kind, a.Epoch, a.Size, a.Sha256, a.CreatedAt)).ToList());
        return new ArchiveContent(manifest, epochs, architecture, logs, artifacts.ToDictionary(a => a.Kind, a => a.Content));
    }

    public static async Task WriteAsync(ArchiveContent content, Stream output, CancellationToken ct)
    {
        await using var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true);
        await using var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true);
        await WriteJsonAsync(tar, ExperimentArchive.Manifest, content.Manifest, ct);
        await WriteJsonAsync(tar, ExperimentArchive.Metrics, content.Epochs, ct);
        await WriteJsonAsync(tar, ExperimentArchive.Architecture, content.Architecture, ct);
        await WriteJsonAsync(tar, ExperimentArchive.Logs, content.Logs, ct);
        foreach (var (kind, bytes) in content.Artifacts)
            await WriteEntryAsync(tar, ExperimentArchive.ArtifactEntry(kind), bytes, ct);
    }

    private static Task WriteJsonAsync<T>(TarWriter tar, string name, T value, CancellationToken ct) =>
        WriteEntryAsync(tar, name, JsonSerializer.SerializeToUtf8Bytes(value, ExperimentArchive.Json), ct);

    private static async Task WriteEntryAsync(TarWriter tar, string name, byte[] bytes, CancellationToken ct)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(bytes, writable: false) };
        await tar.WriteEntryAsync(entry, ct);
    }
}
