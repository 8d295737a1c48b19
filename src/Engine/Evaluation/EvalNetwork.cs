using PcDarts.Core.Genotypes;
using PcDarts.Core.Specs;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PcDarts.Engine.Evaluation;

/// <summary>
/// The network retrained from scratch on a genotype (docs/pc-darts.md §5). <c>forward</c> returns the logits and, in
/// training mode with the auxiliary tower on, the tower's logits (null otherwise), as DARTS' model.py does; the
/// training loop adds 0.4 × the tower's loss.
/// </summary>
public abstract class EvalNetwork : nn.Module<Tensor, (Tensor Logits, Tensor? AuxLogits)>
{
    protected EvalNetwork(string name, EvalNetworkOptions options, Genotype genotype) : base(name)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(genotype);
        options.Validate();
        Options = options;
        Genotype = genotype;
    }

    public static EvalNetwork Create(EvalNetworkOptions options, Genotype genotype, Device device)
    {
        ArgumentNullException.ThrowIfNull(options);
        EvalNetwork network = options.Shape == NetworkShapes.ImageNet
            ? new EvalNetworkImageNet(options, genotype)
            : new EvalNetworkCifar(options, genotype);
        network.to(device);
        return network;
    }

    public EvalNetworkOptions Options { get; }
    public Genotype Genotype { get; }

    /// <summary>Set by the training loop each epoch (the paper ramps it: p · epoch / epochs); used in training mode only.</summary>
    public double DropPathProbability { get; set; }

    /// <summary>A CPU generator owned by the training loop for drop-path draws; null uses torch's global one.</summary>
    public Generator? DropPathGenerator { get; set; }

    /// <summary>The auxiliary tower, or null when <see cref="EvalNetworkOptions.Auxiliary"/> is off.</summary>
    public abstract nn.Module<Tensor, Tensor>? AuxiliaryHead { get; }

    /// <summary>Index of the cell after which the auxiliary tower reads: the 2/3-depth reduction cell.</summary>
    public static int AuxiliaryCell(int layers) => 2 * layers / 3;

    public static bool IsReduction(int layer, int layers) => layer == layers / 3 || layer == 2 * layers / 3;

    /// <summary>Builds the cells from stem outputs of <paramref name="stemChannels"/> channels.</summary>
    /// <returns>The cells, the channels the auxiliary tower reads and the channels of the last cell.</returns>
    protected static (ModuleList<EvalCell> Cells, int AuxiliaryChannels, int OutputChannels) BuildCells(
        EvalNetworkOptions options, Genotype genotype, int stemChannels, bool reductionPrev)
    {
        var cells = new ModuleList<EvalCell>();
        int prevPrev = stemChannels, prev = stemChannels, channels = options.Channels, auxiliaryChannels = 0;
        for (var layer = 0; layer < options.Layers; layer++)
        {
            var reduction = IsReduction(layer, options.Layers);
            if (reduction) channels *= 2;
            var cell = new EvalCell(genotype, prevPrev, prev, channels, reduction, reductionPrev);
            cells.Add(cell);
            reductionPrev = reduction;
            (prevPrev, prev) = (prev, cell.OutputChannels);
            if (layer == AuxiliaryCell(options.Layers)) auxiliaryChannels = prev;
        }
        return (cells, auxiliaryChannels, prev);
    }

    /// <summary>Runs the cells; the tower runs only in training mode, as its loss is a training regulariser.</summary>
    protected (Tensor Features, Tensor? AuxLogits) RunCells(Tensor s0, Tensor s1, ModuleList<EvalCell> cells)
    {
        Tensor? auxLogits = null;
        for (var layer = 0; layer < cells.Count; layer++)
        {
            cells[layer].DropPathGenerator = DropPathGenerator;
            var output = cells[layer].call(s0, s1, DropPathProbability);
            Search.SearchNetwork.ReleaseConsumed(s0, s1);
            (s0, s1) = (s1, output);
            if (layer == AuxiliaryCell(cells.Count) && AuxiliaryHead is not null && training)
                auxLogits = AuxiliaryHead.call(s1);
        }
        return (s1, auxLogits);
    }
}
