using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PcDarts.Api.Experiments;
using PcDarts.Api.Infrastructure;
using PcDarts.Core.Contracts;
using PcDarts.Core.Genotypes;
using PcDarts.Core.Specs;
using PcDarts.Persistence;
using PcDarts.Persistence.Entities;
using PcDarts.Persistence.Events;

namespace PcDarts.Api.Archives;

/// <summary>
/// Turns a checked archive into rows: a new experiment (a fresh id always, so an archive imports the same way on the
/// server it came from and on another; <see cref="Experiment.ImportedFromId"/> keeps the old one) with its epochs, α/β,
/// log and artifacts, added to <paramref name="db"/> for one SaveChanges, hence one transaction.
/// </summary>
internal static class ExperimentImport
{
    public static async Task<Experiment> AddAsync(PcDartsDbContext db, ArchiveContent content, RequestLimits limits, TimeProvider clock, CancellationToken ct)
    {
        var a = content.Manifest.Experiment;
        Check(a, limits);
        CheckEpochs(content);
        var now = clock.GetUtcNow();
        // Lineage: the source search, when it is here (by its own id, or imported from it).
        var derivedFrom = a.DerivedFromId is { } source
            ? await db.Experiments.Where(e => e.Id == source || e.ImportedFromId == source)
                .OrderBy(e => e.Id == source ? 0 : 1).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct)
            : null;
        var experiment = new Experiment
        {
            Id = Guid.CreateVersion7(),
            Kind = a.Kind, Name = a.Name.Trim(), Tags = a.Tags, Spec = a.Spec.GetRawText(), Seed = a.Seed, Queue = a.Queue, Status = a.Status,
            CreatedAt = a.CreatedAt, StartedAt = a.StartedAt, FinishedAt = a.FinishedAt, Error = a.Error, DerivedFromId = derivedFrom,
            Genotype = a.Genotype, Parameters = a.Parameters, MultiplyAdds = a.MultiplyAdds, ImportedFromId = a.Id,
        };
        experiment.Epochs.AddRange(content.Epochs.Select(e => EpochRecord.From(experiment.Id, e.Metrics, e.RecordedAt)));
        experiment.Architectures.AddRange(content.Architecture.Select(r => new EpochArchitecture
        {
            ExperimentId = experiment.Id, Epoch = r.Epoch, AlphasNormal = r.AlphasNormal, AlphasReduce = r.AlphasReduce,
            BetasNormal = r.BetasNormal, BetasReduce = r.BetasReduce, Genotype = r.Genotype,
        }));
        foreach (var artifact in content.Manifest.Artifacts)
        {
            var row = Artifact.Create(experiment.Id, artifact.Kind, artifact.Epoch, content.Artifacts[artifact.Kind], artifact.CreatedAt);
            experiment.Artifacts.Add(row);
        }
        db.Experiments.Add(experiment);
        var lines = content.Logs.Select(l => new LogLine { ExperimentId = experiment.Id, Sequence = l.Sequence, At = l.At, Level = l.Level, Text = l.Text }).ToList();
        var exporter = a.CreatedBy is null ? "" : $", created by {a.CreatedBy}";
        lines.Add(new LogLine
        {
            ExperimentId = experiment.Id, Sequence = lines.Count == 0 ? 1 : lines[^1].Sequence + 1, At = now, Level = LogLevels.Info,
            Text = ExperimentEvent.Cut($"imported from experiment {a.Id} (exported {content.Manifest.ExportedAt:u}{exporter})"),
        });
        db.LogLines.AddRange(lines);
        return experiment;
    }

    private static void Check(ArchivedExperiment a, RequestLimits limits)
    {
        var validation = new Validation();
        limits.CheckSubmission(validation, a.Name, a.Tags);
        validation.Require(ExperimentStatuses.IsFinished(a.Status), "status", $"must be a finished status (succeeded, failed or cancelled), got '{a.Status}'");
        validation.Require(a.Queue.Length is > 0 and <= 16, "queue", "must be 1 to 16 characters");
        if (a.Kind is not (ExperimentKinds.Search or ExperimentKinds.Retrain)) validation.Add("kind", $"must be search or retrain, got '{a.Kind}'");
        else validation.AddSpecErrors("spec", a.Kind == ExperimentKinds.Search ? Spec<SearchSpec>(a.Spec).Validate() : Spec<RetrainSpec>(a.Spec).Validate());
        validation.Require(a.Genotype is null || Genotype.TryParseAny(a.Genotype, out _, out _), "genotype", "is not a valid genotype");
        if (!validation.IsValid)
        {
            var (field, messages) = validation.ToDictionary().First();
            throw new ArchiveException(ExperimentArchive.Manifest, $"experiment.{field}: {messages[0]}");
        }
    }

    private static T Spec<T>(JsonElement spec) where T : class
    {
        try
        {
            return spec.Deserialize<T>(ExperimentMapping.SpecJson) ?? throw new ArchiveException(ExperimentArchive.Manifest, "experiment.spec is null");
        }
        catch (JsonException e)
        {
            throw new ArchiveException(ExperimentArchive.Manifest, $"experiment.spec: {e.Message}");
        }
    }

    private static void CheckEpochs(ArchiveContent content)
    {
        Unique(content.Epochs.Select(e => (long)e.Metrics.Epoch), ExperimentArchive.Metrics, "epoch");
        Unique(content.Architecture.Select(r => (long)r.Epoch), ExperimentArchive.Architecture, "epoch");
        Unique(content.Logs.Select(l => l.Sequence), ExperimentArchive.Logs, "sequence");
        if (content.Logs.FirstOrDefault(l => l.Text.Length > ExperimentEvent.MaxLogChars || l.Level.Length > 16 || l.Text.Contains('\0')) is { } bad)
            throw new ArchiveException(ExperimentArchive.Logs, $"line {bad.Sequence}: text at most {ExperimentEvent.MaxLogChars} characters without NUL, level at most 16");
        if (content.Architecture.FirstOrDefault(r => !Genotype.TryParseAny(r.Genotype, out _, out _)) is { } badGenotype)
            throw new ArchiveException(ExperimentArchive.Architecture, $"epoch {badGenotype.Epoch}: genotype is not valid");
    }

    private static void Unique(IEnumerable<long> numbers, string entry, string what)
    {
        var seen = new HashSet<long>();
        foreach (var n in numbers)
            if (n < 1 || !seen.Add(n)) throw new ArchiveException(entry, $"{what} {n} is repeated or below 1");
    }
}
