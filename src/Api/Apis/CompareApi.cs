using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PcDarts.Core.Contracts;
using PcDarts.Api.Infrastructure;
using PcDarts.Core.Genotypes;
using PcDarts.Persistence;

namespace PcDarts.Api.Apis;

/// <summary>Side-by-side numbers of a few experiments and how their genotypes differ edge by edge.</summary>
public static class CompareApi
{
    public static RouteGroupBuilder MapCompareApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/compare").WithTags("Compare");
        api.MapGet("/", Compare).WithName(nameof(Compare));
        return api;
    }

    /// <param name="ids">Two or more experiment ids, comma-separated.</param>
    public static async Task<Results<Ok<CompareDto>, ValidationProblem, NotFound<string>>> Compare(string? ids, PcDartsDbContext db, CancellationToken ct)
    {
        var validation = new Validation();
        var parsed = (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => Guid.TryParse(s, out var g) ? g : Guid.Empty).ToList();
        validation.Require(parsed.Count is >= 2 and <= 8, "ids", "give 2 to 8 experiment ids, comma-separated");
        validation.Require(parsed.All(g => g != Guid.Empty), "ids", "each id must be a GUID");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.ToDictionary());

        var rows = await db.Experiments.AsNoTracking().Where(e => parsed.Contains(e.Id))
            .Select(e => new CompareEntryDto(e.Id, e.Name, e.Kind, e.Status, e.Parameters, e.MultiplyAdds,
                e.Epochs.Max(r => r.Metrics.ValidTop1), e.Epochs.Count, e.Epochs.Sum(r => r.Metrics.Seconds), e.Genotype))
            .ToListAsync(ct);
        var missing = parsed.Except(rows.Select(r => r.Id)).ToList();
        if (missing.Count > 0) return TypedResults.NotFound($"no experiment {string.Join(", ", missing)}");
        var ordered = parsed.Distinct().Select(id => rows.Single(r => r.Id == id)).ToList();

        var diffs = new List<GenotypeDiffDto>();
        var first = ordered[0];
        if (first.Genotype is not null)
            foreach (var other in ordered.Skip(1).Where(o => o.Genotype is not null))
            {
                var edges = GenotypeDiff.Compare(Genotype.Parse(first.Genotype), Genotype.Parse(other.Genotype!))
                    .Select(d => new EdgeDiffDto(d.Cell == CellKind.Normal ? "normal" : "reduce", d.Node, d.Slot, d.A?.Op, d.A?.Input, d.B?.Op, d.B?.Input, d.Same))
                    .ToList();
                diffs.Add(new GenotypeDiffDto(first.Id, other.Id, edges.Count(e => !e.Same), edges));
            }
        return TypedResults.Ok(new CompareDto(ordered, diffs));
    }
}
