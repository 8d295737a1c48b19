using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PcDarts.Api.Apis;
using PcDarts.Api.Auth;
using PcDarts.Api.Experiments;
using PcDarts.Api.Infrastructure;
using PcDarts.Api.Recovery;
using PcDarts.Core.Contracts;
using PcDarts.Core.Specs;
using PcDarts.Core.Studies;
using PcDarts.Persistence;
using PcDarts.Persistence.Entities;

namespace PcDarts.Api.Studies;

/// <summary>A study submission's answer: the study's id, or the field errors that refused it (nothing was written).</summary>
public sealed record StudySubmissionResult(Guid? StudyId, Dictionary<string, string[]>? Errors);

/// <summary>
/// Validates a study (its name, grid, search and retrain specs, every expanded member, its baseline) and stores it with
/// all its searches and random-baseline retrains in one transaction, then gives each its job. REST and the dashboard
/// both come through here.
/// </summary>
internal sealed class StudySubmission(
    IDbContextFactory<PcDartsDbContext> contexts, ExperimentSubmission experiments, JobDispatcher dispatcher, DatabaseGate gate,
    TimeProvider clock, RequestLimits limits, CurrentActor actor)
{
    public async Task<StudySubmissionResult> SubmitAsync(CreateStudyRequest request, CancellationToken ct = default)
    {
        var validation = new Validation();
        limits.CheckSubmission(validation, request.Name, request.Tags);
        var search = request.Search ?? new SearchSpec();
        IReadOnlyList<string> known;
        await using (var db = await contexts.CreateDbContextAsync(ct)) known = await DatasetsApi.KnownNamesAsync(db, ct);
        var (points, errors) = StudyGrid.Expand(search, request.Grid, known);
        foreach (var error in errors) validation.Add(error.Field, error.Message);
        foreach (var point in points) limits.CheckSearch(validation, point.Spec, known, "search");
        if (request.Retrain is { } retrain) limits.CheckRetrain(validation, retrain, null, known, "retrain");
        var randomCount = request.Baselines?.Random ?? 0;
        foreach (var error in RandomBaseline.Validate(randomCount, request.Retrain is not null)) validation.Add(error.Field, error.Message);
        if (!validation.IsValid) return new(null, validation.ToDictionary());

        var study = new Study
        {
            Id = Guid.CreateVersion7(),
            Name = request.Name!.Trim(),
            Tags = (request.Tags ?? []).Select(t => t.Trim()).Distinct(StringComparer.Ordinal).ToArray(),
            Grid = JsonSerializer.Serialize(request.Grid ?? [], StudyGrid.Json),
            SearchSpec = JsonSerializer.Serialize(search, StudyGrid.Json),
            RetrainSpec = request.Retrain is null ? null : JsonSerializer.Serialize(request.Retrain, StudyGrid.Json),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = actor.User?.Email(),
        };
        var members = points.Select(p => Member(study, p))
            .Concat(RandomBaseline.Seeds(request.Grid, search, randomCount).Select(seed => RandomMember(study, search, request.Retrain!, seed)))
            .ToList();
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            using var slot = await gate.EnterAsync(ct);
            db.Studies.Add(study);
            db.Experiments.AddRange(members);
            await db.SaveChangesAsync(ct);
        }
        // Committed first, so a runner that takes a job at once finds its row; a crash here leaves rows the dispatcher's sweep queues.
        foreach (var member in members) await dispatcher.DispatchAsync(member, ct);
        return new(study.Id, null);
    }

    private Experiment Member(Study study, StudyPoint point)
    {
        var member = experiments.NewExperiment(ExperimentKinds.Search, MemberName(study.Name, point.Configuration, point.Spec.Seed),
            study.Tags, point.Spec, point.Spec.Seed, point.Spec.Queue);
        member.StudyId = study.Id;
        return member;
    }

    /// <summary>A retrain of the genotype drawn with <paramref name="seed"/>, seeded with it too: ordinary, but not derived from a search.</summary>
    private Experiment RandomMember(Study study, SearchSpec search, RetrainSpec retrain, int seed)
    {
        var spec = retrain with { Seed = seed };
        var member = experiments.NewExperiment(ExperimentKinds.Retrain, FitName("", study.Name, $" · {ExperimentOrigins.Random} · seed {seed}"),
            study.Tags, spec, seed, spec.Queue);
        member.StudyId = study.Id;
        member.Origin = ExperimentOrigins.Random;
        member.Genotype = RandomBaseline.Genotype(seed, search).ToDartsText();
        member.CreatedBy = study.CreatedBy;
        return member;
    }

    /// <summary>"K ablation · k=2 · seed 1".</summary>
    private static string MemberName(string study, string configuration, int seed) =>
        FitName("", study, configuration == "all" ? $" · seed {seed}" : $" · {configuration} · seed {seed}");

    /// <summary><paramref name="prefix"/> + <paramref name="name"/> + <paramref name="suffix"/>, the name cut so the whole fits the column.</summary>
    internal static string FitName(string prefix, string name, string suffix)
    {
        var room = Math.Max(0, Experiment.MaxNameLength - prefix.Length - suffix.Length);
        return prefix + (name.Length > room ? name[..room] : name) + suffix;
    }
}
