using Microsoft.AspNetCore.Http.HttpResults;
using PcDarts.Core.Genotypes;

namespace PcDarts.Api.Apis;

/// <summary>One genotype in the three forms the API serves: JSON, DARTS text (drops into the authors' genotypes.py) and SVG.</summary>
internal static class GenotypeResults
{
    public static readonly string[] Formats = ["json", "darts", "svg"];

    public static ContentHttpResult Render(Genotype genotype, string format, CellKind cell) => format switch
    {
        "darts" => TypedResults.Text(genotype.ToDartsText() + "\n", "text/plain"),
        "svg" => TypedResults.Text(CellDiagram.ToSvg(genotype, cell), "image/svg+xml"),
        _ => TypedResults.Text(genotype.ToJson(), "application/json"),
    };
}
