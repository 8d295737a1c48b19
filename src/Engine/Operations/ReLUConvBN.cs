using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PcDarts.Engine.Operations;

/// <summary>ReLU → conv (no bias) → BN: the cell-input preprocessing of DARTS (docs/pc-darts.md §1).</summary>
public sealed class ReLUConvBN : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv;
    private readonly BatchNorm2d bn;

    public ReLUConvBN(int inChannels, int outChannels, int kernelSize, int stride, int padding, bool affine)
        : base(nameof(ReLUConvBN))
    {
        conv = nn.Conv2d(inChannels, outChannels, kernelSize, stride: stride, padding: padding, bias: false);
        bn = nn.BatchNorm2d(outChannels, affine: affine);
        RegisterComponents();
    }

    // The ReLU is functional: it has no state, and a module call costs a dispatch on CPU (docs/pc-darts.md §8).
    public override Tensor forward(Tensor x) => bn.call(conv.call(nn.functional.relu(x)));
}
