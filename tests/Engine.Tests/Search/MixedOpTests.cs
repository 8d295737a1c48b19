using PcDarts.Core.Search;
using PcDarts.Engine.Search;
using TorchSharp;
using static TorchSharp.torch;

namespace PcDarts.Engine.Tests.Search;

public class MixedOpTests
{
    private static Tensor RandomWeights() => torch.randn(SearchSpace.Primitives.Count).softmax(0);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void With_K_1_it_is_the_weighted_sum_of_every_primitive(int stride)
    {
        using var scope = torch.NewDisposeScope();
        using var mixed = new MixedOp(8, stride, 1);
        var x = torch.randn(2, 8, 6, 6);
        var w = RandomWeights();
        var y = mixed.call(x, w);
        // Training-mode BN uses batch statistics, so calling the ops again gives the same outputs.
        var expected = mixed.Ops.Select((op, o) => op.call(x) * w[o]).Aggregate((a, b) => a + b);
        Assert.Equal(expected.shape, y.shape);
        Assert.True(y.allclose(expected, rtol: 1e-5, atol: 1e-6));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void With_K_4_the_bypassed_channels_pass_untouched_up_to_the_shuffle(int stride)
    {
        using var scope = torch.NewDisposeScope();
        const int channels = 8, k = 4, share = channels / k;
        using var mixed = new MixedOp(channels, stride, k);
        var x = torch.randn(2, channels, 6, 6);
        var w = RandomWeights();
        var unshuffled = ChannelShuffle.Apply(mixed.call(x, w), channels / k);

        var bypass = x.narrow(1, share, channels - share);
        if (stride == 2) bypass = nn.functional.max_pool2d(bypass, 2, 2);
        Assert.True(unshuffled.narrow(1, share, channels - share).allclose(bypass));

        var head = x.narrow(1, 0, share);
        var expectedHead = mixed.Ops.Select((op, o) => op.call(head) * w[o]).Aggregate((a, b) => a + b);
        Assert.True(unshuffled.narrow(1, 0, share).allclose(expectedHead, rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void Ops_are_built_for_C_over_K_channels()
    {
        using var mixed = new MixedOp(16, 1, 4);
        // sep_conv_3x3 on 4 channels without affine BN: 2 × (9·4 + 4·4).
        Assert.Equal(2 * (9 * 4 + 4 * 4), mixed.Ops[SearchSpace.IndexOf(SearchSpace.SepConv3x3)].parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void K_that_does_not_divide_C_is_rejected_naming_both()
    {
        var error = Assert.Throws<ArgumentException>(() => new MixedOp(10, 1, 4));
        Assert.Contains("4", error.Message);
        Assert.Contains("10", error.Message);
    }
}
