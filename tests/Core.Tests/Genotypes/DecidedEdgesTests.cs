using PcDarts.Core.Genotypes;
using Xunit;

namespace PcDarts.Core.Tests.Genotypes;

public class DecidedEdgesTests
{
    // Columns: none, max_pool, avg_pool, skip, sep3, sep5, dil3, dil5.
    private static float[] Row(params float[] values) => values;

    [Fact]
    public void An_edge_counts_only_when_its_strongest_op_leads_the_runner_up_by_more_than_the_margin()
    {
        float[][] rows =
        [
            Row(0.10f, 0.30f, 0.20f, 0.08f, 0.08f, 0.08f, 0.08f, 0.08f), // leads by 0.10: decided
            Row(0.10f, 0.16f, 0.12f, 0.12f, 0.12f, 0.12f, 0.13f, 0.13f), // leads by 0.03: not
            Row(0.125f, 0.125f, 0.125f, 0.125f, 0.125f, 0.125f, 0.125f, 0.125f), // uniform: not
        ];
        Assert.Equal(1, DecidedEdges.Count(rows));
    }

    [Fact]
    public void The_none_op_neither_decides_an_edge_nor_stands_as_its_runner_up()
    {
        float[][] rows =
        [
            Row(0.50f, 0.08f, 0.07f, 0.07f, 0.07f, 0.07f, 0.07f, 0.07f), // only none leads: not decided
            Row(0.40f, 0.25f, 0.05f, 0.05f, 0.05f, 0.05f, 0.05f, 0.10f), // none is strongest, max_pool leads the rest by 0.15
        ];
        Assert.Equal(1, DecidedEdges.Count(rows));
    }

    [Fact]
    public void A_wider_margin_decides_fewer_edges()
    {
        float[][] rows = [Row(0.1f, 0.3f, 0.2f, 0.08f, 0.08f, 0.08f, 0.08f, 0.08f)];
        Assert.Equal(1, DecidedEdges.Count(rows, margin: 0.05));
        Assert.Equal(0, DecidedEdges.Count(rows, margin: 0.15));
    }
}
