using System.Text.Json;
using PcDarts.Core.Contracts;
using PcDarts.Core.Specs;
using PcDarts.Persistence.Entities;

namespace PcDarts.Api.Experiments;

internal static class ExperimentMapping
{
    /// <summary>How specs are stored in the experiments table (jsonb, camelCase) and read back.</summary>
    public static readonly JsonSerializerOptions SpecJson = new(JsonSerializerDefaults.Web);

    /// <summary>Tags as stored: trimmed, each once, in the order given.</summary>
    public static string[] NormalTags(string[]? tags) => (tags ?? []).Select(t => t.Trim()).Distinct(StringComparer.Ordinal).ToArray();

    public static ExperimentSummaryDto ToSummary(this Experiment e)
    {
        var (search, retrain) = Specs(e);
        return new(e.Id, e.Kind, e.Name, e.Tags, e.Status, e.Queue, e.CreatedAt, e.StartedAt, e.FinishedAt, e.EpochsCompleted, Best(e),
            search?.Dataset ?? retrain?.Dataset, search?.K, e.Parameters, e.CreatedBy,
            e.SearchTop1, e.RetrainTop1, e.MultiplyAdds, e.ComputeSeconds, e.DerivedFromId, e.Origin);
    }

    /// <summary>The best held-out top-1 of its kind: the architecture split for a search, the test set for a retrain.</summary>
    private static double? Best(Experiment e) => e.SearchTop1 ?? e.RetrainTop1;

    public static ExperimentDto ToDto(this Experiment e, IEnumerable<JobAttempt> attempts)
    {
        var (epochs, best) = (e.EpochsCompleted, Best(e));
        var (search, retrain) = Specs(e);
        return new(e.Id, e.Kind, e.Name, e.Tags, e.Status, e.Queue, e.Seed, search, retrain,
            e.CreatedAt, e.StartedAt, e.FinishedAt, e.CancelRequestedAt, e.Error, e.DerivedFromId, e.Genotype, e.Parameters,
            e.MultiplyAdds, epochs, best,
            attempts.OrderBy(a => a.Id)
                .Select(a => new JobAttemptDto(a.Id, a.HangfireJobId, a.Runner, a.StartedAt, a.FinishedAt, a.Outcome, a.ResumedAfterEpoch, a.Error))
                .ToList(), e.CreatedBy, e.ImportedFromId, e.StudyId, Origin: e.Origin);
    }

    private static (SearchSpec? Search, RetrainSpec? Retrain) Specs(Experiment e) => e.Kind == ExperimentKinds.Search
        ? (JsonSerializer.Deserialize<SearchSpec>(e.Spec, SpecJson), null)
        : (null, JsonSerializer.Deserialize<RetrainSpec>(e.Spec, SpecJson));
}
