using PcDarts.Core.Search;
using PcDarts.Engine.Operations;
using TorchSharp;
using static TorchSharp.torch;

namespace PcDarts.Engine.Tests.Operations;

public class OperationTableTests
{
    public static TheoryData<string, int> PrimitivesAndStrides()
    {
        var data = new TheoryData<string, int>();
        foreach (var primitive in SearchSpace.Primitives)
        {
            data.Add(primitive, 1);
            data.Add(primitive, 2);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PrimitivesAndStrides))]
    public void Every_primitive_keeps_the_channels_and_divides_the_size_by_the_stride(string primitive, int stride)
    {
        using var scope = torch.NewDisposeScope();
        using var op = OperationTable.Create(primitive, 8, stride, affine: false);
        var y = op.call(torch.randn(2, 8, 6, 6));
        Assert.Equal(new long[] { 2, 8, 6 / stride, 6 / stride }, y.shape);
    }

    [Theory]
    [InlineData(SearchSpace.SepConv3x3, false, 2 * (9 * 8 + 8 * 8))]
    [InlineData(SearchSpace.SepConv5x5, false, 2 * (25 * 8 + 8 * 8))]
    [InlineData(SearchSpace.SepConv3x3, true, 2 * (9 * 8 + 8 * 8) + 2 * 2 * 8)]
    [InlineData(SearchSpace.DilConv3x3, false, 9 * 8 + 8 * 8)]
    [InlineData(SearchSpace.DilConv5x5, true, 25 * 8 + 8 * 8 + 2 * 8)]
    [InlineData(SearchSpace.MaxPool3x3, true, 0)]
    [InlineData(SearchSpace.SkipConnect, true, 0)]
    public void Convolutions_have_no_bias_and_BN_is_affine_only_when_asked(string primitive, bool affine, int expected)
    {
        using var op = OperationTable.Create(primitive, 8, 1, affine);
        Assert.Equal(expected, op.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void Skip_connect_at_stride_2_is_a_factorized_reduce_with_affine_BN()
    {
        using var op = OperationTable.Create(SearchSpace.SkipConnect, 8, 2, affine: true);
        Assert.IsType<FactorizedReduce>(op);
        // Two 1×1 convs 8 → 4, then BN weight and bias on 8 channels.
        Assert.Equal(2 * 8 * 4 + 2 * 8, op.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void Average_pooling_does_not_count_the_padding()
    {
        using var scope = torch.NewDisposeScope();
        using var op = OperationTable.Create(SearchSpace.AvgPool3x3, 2, 1, affine: false);
        var y = op.call(torch.ones(1, 2, 4, 4));
        // With the padding counted, a corner would average 4 ones over 9 cells.
        Assert.True(y.allclose(torch.ones(1, 2, 4, 4)));
    }

    [Fact]
    public void Zero_at_stride_2_has_the_strided_shape_even_for_odd_sizes()
    {
        using var scope = torch.NewDisposeScope();
        using var op = OperationTable.Create(SearchSpace.None, 3, 2, affine: false);
        var y = op.call(torch.randn(2, 3, 7, 7));
        Assert.Equal(new long[] { 2, 3, 4, 4 }, y.shape);
        Assert.Equal(0, y.abs().sum().item<float>());
    }

    [Fact]
    public void Factorized_reduce_reads_the_even_pixels_and_the_one_pixel_shifted_odd_ones()
    {
        using var scope = torch.NewDisposeScope();
        using var op = new FactorizedReduce(1, 2, affine: false);
        using (torch.no_grad())
            foreach (var p in op.parameters()) p.fill_(1);
        op.eval(); // BN with its initial running stats (mean 0, variance 1) leaves the values as they are
        var x = torch.arange(16, dtype: ScalarType.Float32).view(1, 1, 4, 4);
        var y = op.call(x);
        var expected = torch.tensor(new float[] { 0, 2, 8, 10, 5, 7, 13, 15 }, [1, 2, 2, 2]);
        Assert.True(y.allclose(expected, rtol: 1e-4, atol: 1e-4), y.ToString(TorchSharp.TensorStringStyle.Julia));
    }

    [Fact]
    public void Unknown_primitive_is_rejected_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => OperationTable.Create("conv_7x1_1x7", 8, 1, false));
        Assert.Contains("conv_7x1_1x7", error.Message);
    }
}
