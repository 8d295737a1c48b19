using static TorchSharp.torch;

namespace PcDarts.Engine.Operations;

/// <summary>
/// The channels-last memory layout (each pixel's channels side by side; the shape stays Batch × C × H × W) on CPU.
/// LibTorch's oneDNN kernels run the depthwise convolutions of this search space far faster on it: on the search
/// network's level-0 shapes, the weight gradient of a 5×5 or dilated depthwise conv falls back to an im2col GEMM in
/// the default layout and takes 10–30× as long as in channels-last, and max pooling takes 4×. Convolutions, batch norm,
/// pooling, element-wise ops and concatenation keep the layout of their input, so a network converts once, at its
/// input; <c>repeat</c>, <c>contiguous()</c> and reductions return channels-first and are avoided inside cells
/// (docs/stack.md, TorchSharp: memory layout on CPU). TorchSharp has no memory-format argument, so the layout is made
/// with a permuted copy.
/// </summary>
public static class ChannelsLast
{
    /// <summary>The network's input as the engine lays it out: channels-last on CPU, unchanged elsewhere (cuDNN picks its own).</summary>
    public static Tensor ForDevice(Tensor x) => x.device_type == TorchSharp.DeviceType.CPU ? Of(x) : x;

    /// <summary><paramref name="x"/> itself when it is already channels-last, else a channels-last copy.</summary>
    public static Tensor Of(Tensor x) => x.dim() != 4 || Is(x) ? x : x.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2);

    /// <summary>Channels vary fastest, then width, then height (the batch stride may be larger: a slice of a batch stays channels-last).</summary>
    public static bool Is(Tensor x)
    {
        if (x.dim() != 4) return false;
        var (channels, width) = (x.shape[1], x.shape[3]);
        return (x.stride(1) == 1 || channels == 1) && x.stride(3) == channels && x.stride(2) == width * channels;
    }
}
