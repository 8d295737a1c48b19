using PcDarts.Engine.Operations;
using PcDarts.Engine.Search;
using TorchSharp;
using static TorchSharp.torch;

namespace PcDarts.Engine.Tests.Search;

public class ChannelShuffleTests
{
    [Theory]
    [InlineData(2, new long[] { 0, 3, 1, 4, 2, 5 })]
    [InlineData(3, new long[] { 0, 2, 4, 1, 3, 5 })]
    [InlineData(1, new long[] { 0, 1, 2, 3, 4, 5 })]
    public void Shuffle_interleaves_the_groups(int groups, long[] expected)
    {
        using var scope = torch.NewDisposeScope();
        // Channel c holds the value c on a 2×2 map, twice in the batch.
        var x = torch.arange(6, dtype: ScalarType.Int64).view(1, 6, 1, 1).expand(2, 6, 2, 2).contiguous();
        var y = ChannelShuffle.Apply(x, groups);
        Assert.Equal(x.shape, y.shape);
        for (var b = 0; b < 2; b++)
            Assert.Equal(expected, y.select(0, b).select(1, 1).select(1, 0).data<long>().ToArray());
    }

    [Fact]
    public void Shuffling_with_C_over_g_groups_undoes_g_groups()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.randn(2, 8, 3, 3);
        Assert.True(ChannelShuffle.Apply(ChannelShuffle.Apply(x, 4), 2).allclose(x));
    }

    [Fact]
    public void Either_layout_shuffles_to_the_same_values_laid_out_channels_last_on_cpu()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.randn(2, 8, 3, 5);
        var fromFirst = ChannelShuffle.Apply(x, 4);
        var fromLast = ChannelShuffle.Apply(ChannelsLast.Of(x), 4);
        // A slice of a channels-last batch, as the fused cell passes one.
        var fromSlice = ChannelShuffle.Apply(ChannelsLast.Of(torch.cat([x, x], 1)).narrow(1, 8, 8), 4);
        Assert.True(fromFirst.eq(fromLast).all().item<bool>());
        Assert.True(fromFirst.eq(fromSlice).all().item<bool>());
        Assert.True(ChannelsLast.Is(fromFirst) && ChannelsLast.Is(fromLast) && ChannelsLast.Is(fromSlice));
        Assert.False(ChannelsLast.Is(x));
    }
}
