using PcDarts.Core.Specs;
using PcDarts.Engine.Operations;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PcDarts.Engine.Search;

/// <summary>
/// The over-parameterised search network (docs/pc-darts.md §1, §4): stem, <c>Layers</c> search cells sharing α/β per cell
/// type, global average pooling, linear classifier. α and β live in <see cref="Architecture"/>, outside
/// <c>parameters()</c>.
/// </summary>
public sealed class SearchNetwork : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> stem0;
    private readonly nn.Module<Tensor, Tensor>? stem1;
    private readonly ModuleList<SearchCell> cells;
    private readonly Linear classifier;
    private readonly ArchitectureParameters architecture;

    public SearchNetwork(SearchNetworkOptions options, ArchitectureParameters architecture) : base(nameof(SearchNetwork))
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (architecture.Nodes != options.Nodes)
            throw new ArgumentException($"architecture has {architecture.Nodes} nodes, options {options.Nodes}", nameof(architecture));
        Options = options;
        this.architecture = architecture;

        var stemChannels = 3 * options.Channels;
        bool reductionPrev;
        if (options.Shape == NetworkShapes.ImageNet)
        {
            (stem0, stem1) = ImageNetStem.Create(options.InputChannels, stemChannels / 2, stemChannels);
            reductionPrev = true; // stem0's output, two back, is twice the size of stem1's
        }
        else
        {
            // The only affine BN of the search network (§8).
            stem0 = nn.Sequential(
                ("conv", nn.Conv2d(options.InputChannels, stemChannels, 3, padding: 1, bias: false)),
                ("bn", nn.BatchNorm2d(stemChannels)));
            reductionPrev = false;
        }

        cells = new ModuleList<SearchCell>();
        int prevPrev = stemChannels, prev = stemChannels, channels = options.Channels;
        for (var layer = 0; layer < options.Layers; layer++)
        {
            var reduction = IsReduction(layer, options.Layers);
            if (reduction) channels *= 2;
            cells.Add(new SearchCell(options.Nodes, prevPrev, prev, channels, reduction, reductionPrev, options.K));
            reductionPrev = reduction;
            (prevPrev, prev) = (prev, options.Nodes * channels);
        }
        classifier = nn.Linear(prev, options.Classes);
        RegisterComponents();
    }

    /// <summary>Builds the network and its architecture parameters on <paramref name="device"/>.</summary>
    public static SearchNetwork Create(SearchNetworkOptions options, Device device, Generator? generator = null)
    {
        var network = new SearchNetwork(options, new ArchitectureParameters(options.Nodes, device, generator));
        network.to(device);
        return network;
    }

    /// <summary>Reduction cells sit at 1/3 and 2/3 of the depth, as in DARTS.</summary>
    public static bool IsReduction(int layer, int layers) => layer == layers / 3 || layer == 2 * layers / 3;

    public SearchNetworkOptions Options { get; }

    /// <summary>α and β: the architecture optimizer's parameters.</summary>
    public ArchitectureParameters Architecture => architecture;

    /// <summary>The weights the SGD optimizer steps: <c>parameters()</c>, which holds no α or β.</summary>
    public IEnumerable<Parameter> WeightParameters() => parameters();

    /// <summary>Cells compute a level of edges per call (the default); off, edge by edge through each <see cref="MixedOp"/>.</summary>
    public bool FusedCells { get; set; } = true;

    public override Tensor forward(Tensor x) => FusedCells ? ForwardFused(x) : ForwardByEdge(x);

    private Tensor ForwardFused(Tensor x)
    {
        var normal = Gather(reduction: false);
        var reduce = Gather(reduction: true);
        var s0 = stem0.call(ChannelsLast.ForDevice(x));
        var s1 = stem1 is null ? s0 : stem1.call(s0);
        foreach (var cell in cells)
        {
            var output = cell.ForwardFused(s0, s1, cell.Reduction ? reduce! : normal!);
            ReleaseConsumed(s0, s1);
            (s0, s1) = (s1, output);
        }
        return classifier.call(s1.mean([2, 3]));
    }

    /// <summary>This pass's level weights for one cell type, or null when the network has no cell of that type.</summary>
    private LevelWeights[]? Gather(bool reduction)
    {
        var cell = cells.FirstOrDefault(c => c.Reduction == reduction);
        if (cell is null) return null;
        var edgeWeights = Options.EdgeNormalization ? architecture.EdgeWeights(reduction) : null;
        return LevelWeights.Gather(architecture.OperationWeights(reduction), edgeWeights, cell.Levels);
    }

    private Tensor ForwardByEdge(Tensor x)
    {
        // Weights once per pass, split into scalars in one call per cell type: the cells then index, not slice.
        var normalOps = architecture.OperationWeights(false).flatten().unbind();
        var reduceOps = architecture.OperationWeights(true).flatten().unbind();
        Tensor[] normalEdges = [], reduceEdges = [];
        if (Options.EdgeNormalization)
        {
            normalEdges = architecture.EdgeWeights(false).unbind();
            reduceEdges = architecture.EdgeWeights(true).unbind();
        }

        var s0 = stem0.call(ChannelsLast.ForDevice(x));
        var s1 = stem1 is null ? s0 : stem1.call(s0);
        foreach (var cell in cells)
        {
            var output = cell.Reduction
                ? cell.Forward(s0, s1, reduceOps, reduceEdges)
                : cell.Forward(s0, s1, normalOps, normalEdges);
            ReleaseConsumed(s0, s1);
            (s0, s1) = (s1, output);
        }
        return classifier.call(s1.mean([2, 3]));
    }

    /// <summary>
    /// A cell's output is read by the next two cells only; once the second has run, its handle goes (autograd keeps
    /// what backward needs). Never the input images, and not a tensor that is still the other state.
    /// </summary>
    internal static void ReleaseConsumed(Tensor consumed, Tensor stillUsed)
    {
        if (!ReferenceEquals(consumed, stillUsed)) consumed.Dispose();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) architecture.Dispose();
        base.Dispose(disposing);
    }
}
