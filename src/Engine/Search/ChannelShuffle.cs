using static TorchSharp.torch;

namespace PcDarts.Engine.Search;

/// <summary>
/// Channel shuffle (docs/pc-darts.md §2): view B×g×(C/g)×H×W, swap the two channel axes, flatten. After a partial-channel
/// mixed op it moves the processed C/K channels apart so that the next edge samples a different mix.
/// </summary>
public static class ChannelShuffle
{
    /// <remarks>Shuffling with C/g groups undoes a shuffle with g groups.</remarks>
    public static Tensor Apply(Tensor x, int groups)
    {
        if (groups == 1) return x;
        long batch = x.shape[0], channels = x.shape[1], height = x.shape[2], width = x.shape[3];
        if (groups < 1 || channels % groups != 0)
            throw new ArgumentException($"{groups} groups do not divide {channels} channels", nameof(groups));
        // reshape copies once: the transposed view is not contiguous (nor need x be: the fused cell passes a slice).
        // On CPU the copy is laid out channels-last, whatever x's layout, as the engine keeps its CPU tensors (see ChannelsLast).
        if (x.device_type == TorchSharp.DeviceType.CPU)
            return x.reshape(batch, groups, channels / groups, height, width).permute(0, 3, 4, 2, 1)
                .reshape(batch, height, width, channels).permute(0, 3, 1, 2);
        return x.reshape(batch, groups, channels / groups, height, width).transpose(1, 2).reshape(batch, channels, height, width);
    }
}
