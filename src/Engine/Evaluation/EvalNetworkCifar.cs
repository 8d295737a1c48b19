using PcDarts.Core.Genotypes;
using PcDarts.Engine.Operations;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PcDarts.Engine.Evaluation;

/// <summary>CIFAR evaluation network: 3×3 conv stem of 3·C channels + BN, cells, global average pool, linear.</summary>
public sealed class EvalNetworkCifar : EvalNetwork
{
    private readonly Sequential stem;
    private readonly ModuleList<EvalCell> cells;
    private readonly AuxiliaryHeadCifar? auxiliary;
    private readonly Linear classifier;

    public EvalNetworkCifar(EvalNetworkOptions options, Genotype genotype) : base(nameof(EvalNetworkCifar), options, genotype)
    {
        var stemChannels = 3 * options.Channels;
        stem = nn.Sequential(
            ("conv", nn.Conv2d(options.InputChannels, stemChannels, 3, padding: 1, bias: false)),
            ("bn", nn.BatchNorm2d(stemChannels)));
        (cells, var auxiliaryChannels, var outputChannels) = BuildCells(options, genotype, stemChannels, reductionPrev: false);
        if (options.Auxiliary) auxiliary = new AuxiliaryHeadCifar(auxiliaryChannels, options.Classes);
        classifier = nn.Linear(outputChannels, options.Classes);
        RegisterComponents();
    }

    public override nn.Module<Tensor, Tensor>? AuxiliaryHead => auxiliary;

    public override (Tensor Logits, Tensor? AuxLogits) forward(Tensor x)
    {
        var s = stem.call(ChannelsLast.ForDevice(x));
        var (features, auxLogits) = RunCells(s, s, cells);
        return (classifier.call(features.mean([2, 3])), auxLogits);
    }
}
