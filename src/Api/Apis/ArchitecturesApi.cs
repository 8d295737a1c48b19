using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PcDarts.Api.Infrastructure;
using PcDarts.Core.Contracts;
using PcDarts.Core.Genotypes;
using PcDarts.Persistence;

namespace PcDarts.Api.Apis;

/// <summary>
/// The architectures view: every distinct genotype the succeeded searches found, with the retrains trained on it. A
/// retrain counts for a genotype when its own genotype has the same normal form, whether it was started from the search
/// or from pasted text.
/// </summary>
public static class ArchitecturesApi
{
    public static RouteGroupBuilder MapArchitecturesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/architectures").WithTags("Architectures");
        api.MapGet("/", ListArchitectures).WithName(nameof(ListArchitectures));
        return api;
    }

    public static async Task<Results<Ok<ArchitecturePage>, ValidationProblem>> ListArchitectures(
        string? dataset, int? limit, int? offset, RequestLimits limits, PcDartsDbContext db, CancellationToken ct)
    {
        var validation = new Validation();
        validation.Require(dataset is null || (dataset.Length <= limits.Options.MaxQueryLength && !dataset.Contains('\0')), "dataset",
            $"must be at most {limits.Options.MaxQueryLength} characters, without NUL");
        validation.Require(limit is null || (limit >= 1 && limit <= limits.Options.MaxPageSize), "limit", $"must be between 1 and {limits.Options.MaxPageSize}, got {limit}");
        validation.Require(offset is null || offset >= 0, "offset", $"must be 0 or more, got {offset}");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.ToDictionary());

        var rows = await db.Experiments.AsNoTracking()
            .Where(e => e.Genotype != null && e.Status == ExperimentStatuses.Succeeded)
            .Select(e => new { e.Id, e.Kind, e.Genotype, e.Spec, e.SearchTop1, e.RetrainTop1, e.ComputeSeconds, e.Parameters, e.MultiplyAdds })
            .ToListAsync(ct);
        var byText = rows
            .Select(r => (Row: r, Text: GenotypeNormalization.NormalText(r.Genotype), Dataset: DatasetOf(r.Spec)))
            .Where(r => r.Text is not null && (dataset is null || r.Dataset == dataset))
            .GroupBy(r => r.Text!);
        var found = new List<ArchitectureDto>();
        foreach (var group in byText)
        {
            var searches = group.Where(r => r.Row.Kind == ExperimentKinds.Search).ToList();
            if (searches.Count == 0) continue; // a published genotype retrained, not a found one
            var best = group.Where(r => r.Row.Kind == ExperimentKinds.Retrain).OrderByDescending(r => r.Row.RetrainTop1 ?? double.MinValue).ToList();
            var top = best.FirstOrDefault().Row;
            found.Add(new ArchitectureDto(group.Key, searches.Count, searches.Select(s => s.Row.Id).ToList(),
                searches.Select(s => s.Dataset).OfType<string>().Distinct().Order().ToList(),
                searches.Max(s => s.Row.SearchTop1), searches.Average(s => s.Row.ComputeSeconds),
                best.Count, top?.RetrainTop1, top?.Id, top?.Parameters, top?.MultiplyAdds));
        }
        var ordered = found
            .OrderBy(a => a.BestRetrainTop1 is null).ThenByDescending(a => a.BestRetrainTop1)
            .ThenByDescending(a => a.Searches).ThenByDescending(a => a.BestSearchTop1).ThenBy(a => a.Genotype, StringComparer.Ordinal)
            .ToList();
        var skip = offset ?? 0;
        var take = limit ?? 50;
        return TypedResults.Ok(new ArchitecturePage(ordered.Skip(skip).Take(take).ToList(), skip, take, ordered.Count));
    }

    private static string? DatasetOf(string spec)
    {
        using var json = JsonDocument.Parse(spec);
        return json.RootElement.TryGetProperty("dataset", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
    }
}
