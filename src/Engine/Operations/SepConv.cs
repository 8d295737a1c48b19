using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PcDarts.Engine.Operations;

/// <summary>
/// sep_conv_k×k: two stacked separable convs (ReLU, depthwise k×k, pointwise 1×1, BN), only the first strided
/// (docs/pc-darts.md §1). Padding (k − 1)/2 keeps the size at stride 1.
/// </summary>
public sealed class SepConv : nn.Module<Tensor, Tensor>, IReluFirst
{
    private readonly Conv2d depthwise1;
    private readonly Conv2d pointwise1;
    private readonly BatchNorm2d bn1;
    private readonly Conv2d depthwise2;
    private readonly Conv2d pointwise2;
    private readonly BatchNorm2d bn2;

    public SepConv(int inChannels, int outChannels, int kernelSize, int stride, int padding, bool affine)
        : base(nameof(SepConv))
    {
        depthwise1 = nn.Conv2d(inChannels, inChannels, kernelSize, stride: stride, padding: padding, groups: inChannels, bias: false);
        pointwise1 = nn.Conv2d(inChannels, inChannels, 1, bias: false);
        bn1 = nn.BatchNorm2d(inChannels, affine: affine);
        depthwise2 = nn.Conv2d(inChannels, inChannels, kernelSize, stride: 1, padding: padding, groups: inChannels, bias: false);
        pointwise2 = nn.Conv2d(inChannels, outChannels, 1, bias: false);
        bn2 = nn.BatchNorm2d(outChannels, affine: affine);
        RegisterComponents();
    }

    /// <summary>The layers in call order, for the fused search cell that computes many edges in one call.</summary>
    internal (Conv2d Depthwise1, Conv2d Pointwise1, BatchNorm2d Norm1, Conv2d Depthwise2, Conv2d Pointwise2, BatchNorm2d Norm2) Layers =>
        (depthwise1, pointwise1, bn1, depthwise2, pointwise2, bn2);

    public override Tensor forward(Tensor x) => ForwardRectified(nn.functional.relu(x));

    public Tensor ForwardRectified(Tensor rectified)
    {
        var y = bn1.call(pointwise1.call(depthwise1.call(rectified)));
        // In place: BN's backward keeps its input and statistics, not its output, so this saves a tensor safely.
        return bn2.call(pointwise2.call(depthwise2.call(nn.functional.relu(y, inplace: true))));
    }
}
