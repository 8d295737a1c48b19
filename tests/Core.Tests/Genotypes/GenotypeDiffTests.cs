using PcDarts.Core.Genotypes;

namespace PcDarts.Core.Tests.Genotypes;

public class GenotypeDiffTests
{
    [Fact]
    public void A_genotype_compared_with_itself_has_no_differences()
    {
        var diff = GenotypeDiff.Compare(PublishedGenotypes.PC_DARTS_cifar, PublishedGenotypes.PC_DARTS_cifar);

        Assert.Equal(16, diff.Count);
        Assert.All(diff, d => Assert.True(d.Same));
    }

    [Fact]
    public void DARTS_V1_and_V2_differ_where_their_texts_differ()
    {
        var diff = GenotypeDiff.Compare(PublishedGenotypes.DARTS_V1, PublishedGenotypes.DARTS_V2);

        var changed = diff.Where(d => !d.Same).Select(d => (d.Cell, d.Node, d.Slot)).ToList();
        // Normal: V1 (sep 1, sep 0 | skip 0, sep 1 | skip 0, sep 1 | sep 0, skip 2)
        //         V2 (sep 0, sep 1 | sep 0, sep 1 | sep 1, skip 0 | skip 0, dil 2)
        // Reduce differs only in node 1 slot 1 (max_pool from 0 vs from 1) and node 3 slot 1 (avg_pool 0 vs max_pool 1).
        Assert.Equal(
        [
            (CellKind.Normal, 0, 0), (CellKind.Normal, 0, 1), (CellKind.Normal, 1, 0),
            (CellKind.Normal, 2, 0), (CellKind.Normal, 2, 1), (CellKind.Normal, 3, 0), (CellKind.Normal, 3, 1),
            (CellKind.Reduce, 1, 1), (CellKind.Reduce, 3, 1),
        ], changed);
        var last = diff.Single(d => d is { Cell: CellKind.Reduce, Node: 3, Slot: 1 });
        Assert.Equal(new GenotypeEdge("avg_pool_3x3", 0), last.A);
        Assert.Equal(new GenotypeEdge("max_pool_3x3", 1), last.B);
    }

    [Fact]
    public void Cells_of_different_sizes_leave_the_missing_side_empty()
    {
        var diff = GenotypeDiff.Compare(RandomGenotype.Sample(1, 3), RandomGenotype.Sample(1, 5));

        Assert.Equal(20, diff.Count);
        var extra = diff.Where(d => d.Node >= 3).ToList();
        Assert.Equal(8, extra.Count);
        Assert.All(extra, d => Assert.Null(d.A));
        Assert.All(extra, d => Assert.NotNull(d.B));
        Assert.All(extra, d => Assert.False(d.Same));
    }
}
