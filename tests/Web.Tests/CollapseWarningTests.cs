using PcDarts.Core.Genotypes;
using PcDarts.Web.Components.Cells;

namespace PcDarts.Web.Tests;

public sealed class CollapseWarningTests : BunitContext
{
    [Fact]
    public void Warns_with_the_count_when_the_normal_cell_keeps_two_or_more_parameter_free_ops()
    {
        // DARTS (first order): three skip_connect in its normal cell, the collapse the follow-up papers point at.
        var cut = Render<CollapseWarning>(p => p.Add(c => c.Genotype, PublishedGenotypes.DARTS_V1));
        var warning = cut.Find(".collapse-warning");
        Assert.Equal("3", warning.GetAttribute("data-count"));
        Assert.Contains("3 parameter-free operations", warning.TextContent);
        Assert.Contains("skip_connect × 3", warning.TextContent);
    }

    [Fact]
    public void Pooling_counts_as_parameter_free_too()
    {
        // PC_DARTS_cifar's normal cell: one skip_connect and one avg_pool_3x3.
        var cut = Render<CollapseWarning>(p => p.Add(c => c.Genotype, PublishedGenotypes.PC_DARTS_cifar));
        Assert.Equal("2", cut.Find(".collapse-warning").GetAttribute("data-count"));
    }

    [Fact]
    public void No_warning_with_one_parameter_free_op_or_without_a_genotype()
    {
        var one = Genotype.Parse(
            "Genotype(normal=[('sep_conv_3x3', 0), ('skip_connect', 1), ('sep_conv_3x3', 0), ('sep_conv_5x5', 1), ('dil_conv_3x3', 0), ('sep_conv_3x3', 2), ('sep_conv_3x3', 3), ('dil_conv_5x5', 1)], normal_concat=range(2, 6), " +
            "reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 0), ('max_pool_3x3', 0), ('skip_connect', 2), ('skip_connect', 2), ('avg_pool_3x3', 0)], reduce_concat=range(2, 6))");
        Assert.Empty(Render<CollapseWarning>(p => p.Add(c => c.Genotype, one)).FindAll(".collapse-warning"));
        Assert.Empty(Render<CollapseWarning>().FindAll(".collapse-warning"));
    }
}
