using Microsoft.AspNetCore.Http.HttpResults;
using PcDarts.Core.Contracts;
using PcDarts.Api.Infrastructure;
using PcDarts.Core.Genotypes;

namespace PcDarts.Api.Apis;

/// <summary>The published genotypes, and derivation of a genotype from raw α/β by the authors' rule.</summary>
public static class GenotypesApi
{
    public static RouteGroupBuilder MapGenotypesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/genotypes").WithTags("Genotypes");
        api.MapGet("/", ListGenotypes).WithName(nameof(ListGenotypes));
        api.MapPost("/derive", DeriveGenotype).WithName(nameof(DeriveGenotype)).WithMetadata(new Auth.ComputesOnlyAttribute());
        return api;
    }

    public static Ok<List<GenotypeDto>> ListGenotypes() =>
        TypedResults.Ok(PublishedGenotypes.Names.Select(n => PublishedGenotypes.Get(n) is var g ? new GenotypeDto(n, g.ToDartsText(), g) : null!).ToList());

    public static Results<Ok<GenotypeDto>, ValidationProblem> DeriveGenotype(DeriveRequest request)
    {
        var validation = new Validation();
        validation.Require(request.AlphasNormal is { Length: > 0 }, "alphasNormal", "is required (edges × 8 raw values)");
        validation.Require(request.AlphasReduce is { Length: > 0 }, "alphasReduce", "is required (edges × 8 raw values)");
        if (request.EdgeNormalization)
        {
            validation.Require(request.BetasNormal is not null, "betasNormal", "is required with edgeNormalization (or set edgeNormalization to false)");
            validation.Require(request.BetasReduce is not null, "betasReduce", "is required with edgeNormalization (or set edgeNormalization to false)");
        }
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.ToDictionary());
        try
        {
            var weights = request.EdgeNormalization
                ? new ArchitectureWeights(request.AlphasNormal!, request.AlphasReduce!, request.BetasNormal, request.BetasReduce)
                : new ArchitectureWeights(request.AlphasNormal!, request.AlphasReduce!);
            var genotype = GenotypeDerivation.Derive(weights, request.EdgeNormalization);
            return TypedResults.Ok(new GenotypeDto(null, genotype.ToDartsText(), genotype));
        }
        catch (ArgumentException e)
        {
            validation.Add(e.ParamName is { Length: > 0 } p && p.StartsWith("alphas") || e.ParamName?.StartsWith("betas") == true ? e.ParamName! : "body", e.Message);
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }
    }
}
