using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PcDarts.Core.Contracts;
using PcDarts.Core.Estimates;
using PcDarts.Core.Metrics;
using PcDarts.Core.Specs;
using PcDarts.Core.Studies;
using PcDarts.Persistence;
using PcDarts.Persistence.Entities;

namespace PcDarts.Api.Studies;

/// <summary>Reads a study and its members' results from the database and sums them up with <see cref="StudyAggregation"/>.</summary>
public sealed class StudyReader(IDbContextFactory<PcDartsDbContext> contexts)
{
    private sealed record MemberRow(
        Guid Id, string Kind, string Status, string Spec, int Seed, string? Genotype, long? Parameters, Guid? DerivedFromId,
        DateTimeOffset CreatedAt, double? FinalTop1, int Epochs, double Seconds, string? Origin, List<EpochMetrics>? EpochRecords = null)
    {
        /// <summary>The largest epoch peak as a fresh standalone runner would measure it (<see cref="HostBaseline"/>).</summary>
        public long? PeakBytes => EpochRecords is { Count: > 0 } epochs ? epochs.Max(HostBaseline.StandalonePeak) : null;
    }

    public async Task<StudyDto?> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var study = await db.Studies.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (study is null) return null;
        var rows = await db.Experiments.AsNoTracking().Where(e => e.StudyId == id)
            .Select(e => new MemberRow(e.Id, e.Kind, e.Status, e.Spec, e.Seed, e.Genotype, e.Parameters, e.DerivedFromId, e.CreatedAt,
                e.Epochs.OrderByDescending(r => r.Epoch).Select(r => r.Metrics.ValidTop1).FirstOrDefault(),
                e.Epochs.Count, e.Epochs.Sum(r => r.Metrics.Seconds), e.Origin, e.Epochs.Select(r => r.Metrics).ToList()))
            .ToListAsync(ct);
        var grid = JsonSerializer.Deserialize<Dictionary<string, JsonElement[]>>(study.Grid, StudyGrid.Json)!;
        var members = Members(rows, grid.Keys.ToList());
        var random = RandomMembers(rows);
        var configurations = StudyAggregation.Configurations(members);
        return new StudyDto(study.Id, study.Name, study.Tags, Status(study, members, random), grid,
            JsonSerializer.Deserialize<SearchSpec>(study.SearchSpec, StudyGrid.Json)!,
            study.RetrainSpec is null ? null : JsonSerializer.Deserialize<RetrainSpec>(study.RetrainSpec, StudyGrid.Json),
            study.CreatedAt, study.CreatedBy, study.CancelRequestedAt,
            members, configurations, StudyAggregation.Best(members), random, StudyAggregation.Comparisons(configurations, random));
    }

    /// <summary>The newest studies first, each with its status and how many of its searches are finished.</summary>
    public async Task<IReadOnlyList<StudySummaryDto>> ListAsync(int max, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var studies = await db.Studies.AsNoTracking().OrderByDescending(s => s.CreatedAt).Take(max)
            .Select(s => new
            {
                Study = s,
                Members = s.Members.Select(e => new MemberRow(e.Id, e.Kind, e.Status, e.Spec, e.Seed, null, null, e.DerivedFromId, e.CreatedAt, null, 0, 0, e.Origin)).ToList(),
            })
            .ToListAsync(ct);
        return studies.Select(s =>
        {
            var members = Members(s.Members, []);
            var random = RandomMembers(s.Members);
            return new StudySummaryDto(s.Study.Id, s.Study.Name, Status(s.Study, members, random), members.Count + random.Count,
                members.Count(m => ExperimentStatuses.IsFinished(m.SearchStatus)) + random.Count(r => ExperimentStatuses.IsFinished(r.Status)),
                s.Study.CreatedAt, s.Study.CreatedBy);
        }).ToList();
    }

    private static string Status(Study study, IReadOnlyList<StudyMemberDto> members, IReadOnlyList<StudyRandomMemberDto> random) =>
        StudyAggregation.Status(members, study.RetrainSpec is not null, study.CancelRequestedAt is not null, random.Select(r => r.Status).ToList());

    /// <summary>The random baseline's retrains in seed order.</summary>
    private static List<StudyRandomMemberDto> RandomMembers(IReadOnlyList<MemberRow> rows) =>
        rows.Where(r => r.Origin == ExperimentOrigins.Random).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(r => new StudyRandomMemberDto(r.Id, r.Seed, r.Status, r.Genotype, r.FinalTop1, r.Parameters)).ToList();

    /// <summary>Each search of the study with the retrain made from it, in submission order.</summary>
    private static List<StudyMemberDto> Members(IReadOnlyList<MemberRow> rows, IReadOnlyList<string> gridKeys)
    {
        var retrains = rows.Where(r => r.Kind == ExperimentKinds.Retrain && r.DerivedFromId is not null).ToDictionary(r => r.DerivedFromId!.Value);
        return rows.Where(r => r.Kind == ExperimentKinds.Search).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Select(search =>
        {
            var spec = JsonSerializer.Deserialize<SearchSpec>(search.Spec, StudyGrid.Json)!;
            var retrain = retrains.GetValueOrDefault(search.Id);
            return new StudyMemberDto(
                search.Id, StudyGrid.ConfigurationOf(StudyGrid.ValuesOf(spec, gridKeys)), search.Seed, search.Status,
                search.FinalTop1, search.Epochs == 0 ? null : search.Seconds, search.Genotype,
                retrain?.Id, retrain?.Status, retrain?.FinalTop1, retrain?.Parameters ?? search.Parameters, search.PeakBytes);
        }).ToList();
    }
}
