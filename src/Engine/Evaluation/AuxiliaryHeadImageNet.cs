using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PcDarts.Engine.Evaluation;

/// <summary>
/// The auxiliary tower of the ImageNet evaluation network, reading 768 channels at 7×7 (C = 48): ReLU, 5×5 average
/// pool stride 2 (→ 2×2), 1×1 conv to 128, BN, ReLU, 2×2 conv to 768, ReLU, linear. There is no BN after the 2×2
/// conv: the authors' model.py comments it out "for consistency with the experiments in the paper" (docs/pc-darts.md §8).
/// </summary>
public sealed class AuxiliaryHeadImageNet : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d reduce;
    private readonly BatchNorm2d reduceBn;
    private readonly Conv2d expand;
    private readonly Linear classifier;

    public AuxiliaryHeadImageNet(int channels, int classes) : base(nameof(AuxiliaryHeadImageNet))
    {
        reduce = nn.Conv2d(channels, 128, 1, bias: false);
        reduceBn = nn.BatchNorm2d(128);
        expand = nn.Conv2d(128, 768, 2, bias: false);
        classifier = nn.Linear(768, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var pooled = nn.functional.avg_pool2d(nn.functional.relu(x), 5, 2, 0, count_include_pad: false);
        var y = nn.functional.relu(reduceBn.call(reduce.call(pooled)));
        y = nn.functional.relu(expand.call(y));
        return classifier.call(y.flatten(1));
    }
}
