using System.Text.Json;
using PcDarts.Core.Contracts;
using PcDarts.Persistence.Entities;

namespace PcDarts.Api.Experiments;

internal static class ExperimentMapping
{
    public static readonly JsonSerializerOptions SpecJson = new(JsonSerializerDefaults.Web);

    public static ExperimentSummaryDto ToSummary(this Experiment e, int epochs, double? best)
    {
        using var spec = JsonDocument.Parse(e.Spec);
        var dataset = spec.RootElement.TryGetProperty("dataset", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
        int? k = spec.RootElement.TryGetProperty("k", out var kv) && kv.ValueKind == JsonValueKind.Number ? kv.GetInt32() : null;
        return new(e.Id, e.Kind, e.Name, e.Tags, e.Status, e.Queue, e.CreatedAt, e.StartedAt, e.FinishedAt, epochs, best, dataset, k, e.Parameters);
    }

    public static ExperimentDto ToDto(this Experiment e, int epochs, double? best, IEnumerable<JobAttempt> attempts) =>
        new(e.Id, e.Kind, e.Name, e.Tags, e.Status, e.Queue, e.Seed, JsonDocument.Parse(e.Spec).RootElement.Clone(),
            e.CreatedAt, e.StartedAt, e.FinishedAt, e.CancelRequestedAt, e.Error, e.DerivedFromId, e.Genotype, e.Parameters,
            e.MultiplyAdds, epochs, best,
            attempts.OrderBy(a => a.Id)
                .Select(a => new JobAttemptDto(a.Id, a.HangfireJobId, a.Runner, a.StartedAt, a.FinishedAt, a.Outcome, a.ResumedAfterEpoch, a.Error))
                .ToList());
}
