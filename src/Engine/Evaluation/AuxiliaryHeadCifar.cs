using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PcDarts.Engine.Evaluation;

/// <summary>
/// The auxiliary tower of the CIFAR evaluation network (DARTS model.py), reading the 8×8 output of the 2/3-depth
/// reduction cell: ReLU, 5×5 average pool stride 3 (→ 2×2), 1×1 conv to 128, BN, ReLU, 2×2 conv to 768, BN, ReLU, linear.
/// </summary>
public sealed class AuxiliaryHeadCifar : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d reduce;
    private readonly BatchNorm2d reduceBn;
    private readonly Conv2d expand;
    private readonly BatchNorm2d expandBn;
    private readonly Linear classifier;

    public AuxiliaryHeadCifar(int channels, int classes) : base(nameof(AuxiliaryHeadCifar))
    {
        reduce = nn.Conv2d(channels, 128, 1, bias: false);
        reduceBn = nn.BatchNorm2d(128);
        expand = nn.Conv2d(128, 768, 2, bias: false);
        expandBn = nn.BatchNorm2d(768);
        classifier = nn.Linear(768, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var pooled = nn.functional.avg_pool2d(nn.functional.relu(x), 5, 3, 0, count_include_pad: false);
        var y = nn.functional.relu(reduceBn.call(reduce.call(pooled)));
        y = nn.functional.relu(expandBn.call(expand.call(y)));
        return classifier.call(y.flatten(1));
    }
}
