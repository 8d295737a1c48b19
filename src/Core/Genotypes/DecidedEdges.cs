using PcDarts.Core.Search;

namespace PcDarts.Core.Genotypes;

/// <summary>
/// How many edges of a cell the search has decided: those whose strongest op leads the runner-up by more than
/// <see cref="Margin"/> in softmax(α). <c>none</c> is left out of both, as derivation never keeps it. Right after the
/// warm-up every α is near 1/8, and an edge whose winner leads by noise has not been decided.
/// </summary>
public static class DecidedEdges
{
    /// <summary>The margin in probability units; the dashboard's heatmap outlines a kept op by the same one.</summary>
    public const double Margin = 0.05;

    private static readonly int NoneColumn = SearchSpace.IndexOf(SearchSpace.None);

    /// <summary>The decided edges among <paramref name="softmaxAlphas"/> (one row per edge, one column per primitive).</summary>
    public static int Count(IReadOnlyList<float[]> softmaxAlphas, double margin = Margin) =>
        softmaxAlphas.Count(row =>
        {
            var ranked = row.Where((_, column) => column != NoneColumn).OrderDescending().ToArray();
            return ranked.Length > 1 && ranked[0] - ranked[1] > margin;
        });
}
