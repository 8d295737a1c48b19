namespace PcDarts.Core.Genotypes;

/// <summary>The two cell types that share α across the network (docs/pc-darts.md §1).</summary>
public enum CellKind
{
    Normal,
    Reduce,
}
