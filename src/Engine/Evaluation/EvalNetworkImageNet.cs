using PcDarts.Core.Genotypes;
using PcDarts.Engine.Operations;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PcDarts.Engine.Evaluation;

/// <summary>
/// ImageNet evaluation network (DARTS model.py NetworkImageNet): stem0 = conv 3×3 s2 to C/2, BN, ReLU, conv 3×3 s2 to
/// C, BN; stem1 = ReLU, conv 3×3 s2, BN (224 → 28); cells, the first factorizing stem0's 56×56 output; average pool,
/// linear.
/// </summary>
/// <remarks>
/// The authors pool with AvgPool2d(7), which is the global average at 224×224 (a 7×7 map); a global mean gives the
/// same there and also accepts other image sizes.
/// </remarks>
public sealed class EvalNetworkImageNet : EvalNetwork
{
    private readonly Sequential stem0;
    private readonly Sequential stem1;
    private readonly ModuleList<EvalCell> cells;
    private readonly AuxiliaryHeadImageNet? auxiliary;
    private readonly Linear classifier;

    public EvalNetworkImageNet(EvalNetworkOptions options, Genotype genotype) : base(nameof(EvalNetworkImageNet), options, genotype)
    {
        var c = options.Channels;
        stem0 = nn.Sequential(
            ("conv0", nn.Conv2d(options.InputChannels, c / 2, 3, stride: 2, padding: 1, bias: false)),
            ("bn0", nn.BatchNorm2d(c / 2)),
            ("relu", nn.ReLU()),
            ("conv1", nn.Conv2d(c / 2, c, 3, stride: 2, padding: 1, bias: false)),
            ("bn1", nn.BatchNorm2d(c)));
        stem1 = nn.Sequential(
            ("relu", nn.ReLU()),
            ("conv", nn.Conv2d(c, c, 3, stride: 2, padding: 1, bias: false)),
            ("bn", nn.BatchNorm2d(c)));
        (cells, var auxiliaryChannels, var outputChannels) = BuildCells(options, genotype, c, reductionPrev: true);
        if (options.Auxiliary) auxiliary = new AuxiliaryHeadImageNet(auxiliaryChannels, options.Classes);
        classifier = nn.Linear(outputChannels, options.Classes);
        RegisterComponents();
    }

    public override nn.Module<Tensor, Tensor>? AuxiliaryHead => auxiliary;

    public override (Tensor Logits, Tensor? AuxLogits) forward(Tensor x)
    {
        var s0 = stem0.call(ChannelsLast.ForDevice(x));
        var s1 = stem1.call(s0);
        var (features, auxLogits) = RunCells(s0, s1, cells);
        return (classifier.call(features.mean([2, 3])), auxLogits);
    }
}
