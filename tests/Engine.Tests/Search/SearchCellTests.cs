using PcDarts.Core.Search;
using PcDarts.Engine.Search;
using TorchSharp;
using static TorchSharp.torch;

namespace PcDarts.Engine.Tests.Search;

public class SearchCellTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Output_concatenates_the_intermediate_nodes(bool reduction)
    {
        using var scope = torch.NewDisposeScope();
        using var cell = new SearchCell(3, 12, 12, 8, reduction, reductionPrev: false, k: 4);
        var edges = SearchSpace.EdgeCount(3);
        var y = cell.call(torch.randn(2, 12, 8, 8), torch.randn(2, 12, 8, 8), torch.randn(edges, 8).softmax(1), null);
        var size = reduction ? 4 : 8;
        Assert.Equal(new long[] { 2, 3 * 8, size, size }, y.shape);
    }

    [Fact]
    public void After_a_reduction_the_input_two_back_is_factorized_down()
    {
        using var scope = torch.NewDisposeScope();
        using var cell = new SearchCell(4, 12, 16, 8, reduction: false, reductionPrev: true, k: 2);
        var y = cell.call(torch.randn(2, 12, 8, 8), torch.randn(2, 16, 4, 4), torch.randn(14, 8).softmax(1), null);
        Assert.Equal(new long[] { 2, 32, 4, 4 }, y.shape);
    }

    [Fact]
    public void Edge_normalization_off_is_the_plain_sum()
    {
        using var scope = torch.NewDisposeScope();
        using var cell = new SearchCell(4, 8, 8, 8, reduction: false, reductionPrev: false, k: 2);
        var s0 = torch.randn(2, 8, 6, 6);
        var s1 = torch.randn(2, 8, 6, 6);
        var ops = torch.randn(14, 8).softmax(1);
        var plain = cell.call(s0, s1, ops, null);
        Assert.True(plain.allclose(cell.call(s0, s1, ops, torch.ones(14)), rtol: 1e-5, atol: 1e-6));
        var normalized = cell.call(s0, s1, ops, ArchitectureParameters.NormalizeEdges(torch.randn(14), 4));
        Assert.False(plain.allclose(normalized, rtol: 1e-3, atol: 1e-3));
    }
}
