namespace PcDarts.Core.Search;

/// <summary>The DARTS operation set. The index order is fixed by the paper: α columns, files and genotypes depend on it.</summary>
public static class SearchSpace
{
    public const string None = "none";
    public const string MaxPool3x3 = "max_pool_3x3";
    public const string AvgPool3x3 = "avg_pool_3x3";
    public const string SkipConnect = "skip_connect";
    public const string SepConv3x3 = "sep_conv_3x3";
    public const string SepConv5x5 = "sep_conv_5x5";
    public const string DilConv3x3 = "dil_conv_3x3";
    public const string DilConv5x5 = "dil_conv_5x5";

    public static IReadOnlyList<string> Primitives { get; } =
        [None, MaxPool3x3, AvgPool3x3, SkipConnect, SepConv3x3, SepConv5x5, DilConv3x3, DilConv5x5];

    /// <summary>Ops without weights: a normal cell full of them is the known DARTS collapse.</summary>
    public static IReadOnlyList<string> ParameterFree { get; } = [MaxPool3x3, AvgPool3x3, SkipConnect];

    public const int MinNodes = 3;
    public const int MaxNodes = 5;

    /// <summary>Edges of a cell with <paramref name="nodes"/> intermediate nodes: node j (0-based) has j + 2 inputs.</summary>
    public static int EdgeCount(int nodes) => nodes * (nodes + 3) / 2;

    /// <summary>Index of the first incoming edge of intermediate node <paramref name="node"/> (0-based) in the edge order.</summary>
    public static int FirstEdgeOf(int node) => node * (node + 3) / 2;

    public static int IndexOf(string primitive)
    {
        for (var i = 0; i < Primitives.Count; i++)
            if (Primitives[i] == primitive) return i;
        return -1;
    }
}
