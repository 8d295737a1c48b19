using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PcDarts.Engine.Operations;

/// <summary>
/// dil_conv_k×k: ReLU, depthwise k×k with dilation, pointwise 1×1, BN (docs/pc-darts.md §1). With dilation 2 the padding
/// is k − 1 (2 for 3×3, 4 for 5×5) to keep the size at stride 1.
/// </summary>
public sealed class DilConv : nn.Module<Tensor, Tensor>, IReluFirst
{
    private readonly Conv2d depthwise;
    private readonly Conv2d pointwise;
    private readonly BatchNorm2d bn;

    public DilConv(int inChannels, int outChannels, int kernelSize, int stride, int padding, int dilation, bool affine)
        : base(nameof(DilConv))
    {
        depthwise = nn.Conv2d(inChannels, inChannels, kernelSize, stride: stride, padding: padding, dilation: dilation, groups: inChannels, bias: false);
        pointwise = nn.Conv2d(inChannels, outChannels, 1, bias: false);
        bn = nn.BatchNorm2d(outChannels, affine: affine);
        RegisterComponents();
    }

    /// <summary>The layers in call order, for the fused search cell that computes many edges in one call.</summary>
    internal (Conv2d Depthwise, Conv2d Pointwise, BatchNorm2d Norm) Layers => (depthwise, pointwise, bn);

    public override Tensor forward(Tensor x) => ForwardRectified(nn.functional.relu(x));

    public Tensor ForwardRectified(Tensor rectified) => bn.call(pointwise.call(depthwise.call(rectified)));
}
