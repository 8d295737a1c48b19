using System.Text.Json;
using PcDarts.Core.Contracts;
using PcDarts.Persistence.Entities;

namespace PcDarts.Api.Apis;

internal static class ExperimentMapping
{
    public static readonly JsonSerializerOptions SpecJson = new(JsonSerializerDefaults.Web);

    public static ExperimentSummaryDto ToSummary(this Experiment e, int epochs, double? best) =>
        new(e.Id, e.Kind, e.Name, e.Tags, e.Status, e.Queue, e.CreatedAt, e.StartedAt, e.FinishedAt, epochs, best);

    public static ExperimentDto ToDto(this Experiment e, int epochs, double? best, IEnumerable<JobAttempt> attempts) =>
        new(e.Id, e.Kind, e.Name, e.Tags, e.Status, e.Queue, e.Seed, JsonDocument.Parse(e.Spec).RootElement.Clone(),
            e.CreatedAt, e.StartedAt, e.FinishedAt, e.CancelRequestedAt, e.Error, e.DerivedFromId, e.Genotype, e.Parameters,
            e.MultiplyAdds, epochs, best,
            attempts.OrderBy(a => a.Id)
                .Select(a => new JobAttemptDto(a.Id, a.HangfireJobId, a.Runner, a.StartedAt, a.FinishedAt, a.Outcome, a.ResumedAfterEpoch, a.Error))
                .ToList());
}
