namespace PcDarts.Core.Genotypes;

/// <summary>
/// One kept edge of a derived cell: the operation and the node it reads from.
/// <paramref name="Input"/> 0 and 1 are the cell inputs c_{k-2} and c_{k-1}; 2.. are the intermediate nodes, as in DARTS' text form.
/// </summary>
public sealed record GenotypeEdge(string Op, int Input)
{
    public override string ToString() => $"('{Op}', {Input})";
}
