using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PcDarts.Engine.Operations;

/// <summary>
/// Halves the spatial size with two 1×1 stride-2 convs of C/2 channels each, the second on the input shifted by
/// one pixel so that together they see every pixel (docs/pc-darts.md §1). Used for skip_connect at stride 2 and for the
/// preprocessing of a cell whose previous cell reduced.
/// </summary>
public sealed class FactorizedReduce : nn.Module<Tensor, Tensor>, IReluFirst
{
    private readonly Conv2d conv1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn;

    public FactorizedReduce(int inChannels, int outChannels, bool affine) : base(nameof(FactorizedReduce))
    {
        if (outChannels % 2 != 0)
            throw new ArgumentException($"FactorizedReduce needs an even number of output channels, got {outChannels}.", nameof(outChannels));
        conv1 = nn.Conv2d(inChannels, outChannels / 2, 1, stride: 2, bias: false);
        conv2 = nn.Conv2d(inChannels, outChannels / 2, 1, stride: 2, bias: false);
        bn = nn.BatchNorm2d(outChannels, affine: affine);
        RegisterComponents();
    }

    /// <summary>The layers, for the fused search cell that computes many edges in one call.</summary>
    internal (Conv2d Conv1, Conv2d Conv2, BatchNorm2d Norm) Layers => (conv1, conv2, bn);

    public override Tensor forward(Tensor x) => ForwardRectified(nn.functional.relu(x));

    public Tensor ForwardRectified(Tensor rectified)
    {
        // x[:, :, 1:, 1:] as in the authors' code; on an odd spatial size the two halves disagree, as they do there.
        var shifted = rectified.narrow(2, 1, rectified.shape[2] - 1).narrow(3, 1, rectified.shape[3] - 1);
        return bn.call(torch.cat([conv1.call(rectified), conv2.call(shifted)], 1));
    }
}
