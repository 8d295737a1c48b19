using System.Text.Json;
using PcDarts.Core.Contracts;
using PcDarts.Core.Specs;
using PcDarts.Persistence.Entities;

namespace PcDarts.Api.Experiments;

internal static class ExperimentMapping
{
    /// <summary>How specs are stored in the experiments table (jsonb, camelCase) and read back.</summary>
    public static readonly JsonSerializerOptions SpecJson = new(JsonSerializerDefaults.Web);

    public static ExperimentSummaryDto ToSummary(this Experiment e, int epochs, double? best)
    {
        var (search, retrain) = Specs(e);
        return new(e.Id, e.Kind, e.Name, e.Tags, e.Status, e.Queue, e.CreatedAt, e.StartedAt, e.FinishedAt, epochs, best,
            search?.Dataset ?? retrain?.Dataset, search?.K, e.Parameters, e.CreatedBy);
    }

    public static ExperimentDto ToDto(this Experiment e, int epochs, double? best, IEnumerable<JobAttempt> attempts)
    {
        var (search, retrain) = Specs(e);
        return new(e.Id, e.Kind, e.Name, e.Tags, e.Status, e.Queue, e.Seed, search, retrain,
            e.CreatedAt, e.StartedAt, e.FinishedAt, e.CancelRequestedAt, e.Error, e.DerivedFromId, e.Genotype, e.Parameters,
            e.MultiplyAdds, epochs, best,
            attempts.OrderBy(a => a.Id)
                .Select(a => new JobAttemptDto(a.Id, a.HangfireJobId, a.Runner, a.StartedAt, a.FinishedAt, a.Outcome, a.ResumedAfterEpoch, a.Error))
                .ToList(), e.CreatedBy, e.ImportedFromId);
    }

    private static (SearchSpec? Search, RetrainSpec? Retrain) Specs(Experiment e) => e.Kind == ExperimentKinds.Search
        ? (JsonSerializer.Deserialize<SearchSpec>(e.Spec, SpecJson), null)
        : (null, JsonSerializer.Deserialize<RetrainSpec>(e.Spec, SpecJson));
}
