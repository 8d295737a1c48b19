using PcDarts.Core.Search;
using PcDarts.Core.Specs;

namespace PcDarts.Engine.Search;

/// <param name="Shape">A name from <see cref="NetworkShapes"/>: "cifar" (one-conv stem) or "imagenet" (three stride-2 convs).</param>
/// <param name="Channels">C of the first cells (16 in the paper).</param>
/// <param name="Layers">Cells (8 in the paper); reductions at Layers/3 and 2·Layers/3.</param>
/// <param name="Nodes">Intermediate nodes per cell, 3–5 (4 in the paper).</param>
/// <param name="K">Partial-channel proportion 1/K (4 for CIFAR, 2 for ImageNet, 1 is DARTS).</param>
/// <param name="EdgeNormalization">Weight each edge by its per-node softmax of β (docs/pc-darts.md §3).</param>
/// <param name="InputChannels">Image channels: 1 (grey) or 3.</param>
/// <param name="Classes">Classifier outputs.</param>
public sealed record SearchNetworkOptions(
    string Shape, int Channels, int Layers, int Nodes, int K, bool EdgeNormalization, int InputChannels, int Classes)
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the first bad field.</summary>
    public void Validate()
    {
        if (!NetworkShapes.All.Contains(Shape))
            throw new ArgumentException($"unknown network shape '{Shape}'; expected one of {string.Join(", ", NetworkShapes.All)}", nameof(Shape));
        if (Channels < 1) throw new ArgumentException($"Channels must be positive, got {Channels}", nameof(Channels));
        if (Layers < 1) throw new ArgumentException($"Layers must be positive, got {Layers}", nameof(Layers));
        if (Nodes is < SearchSpace.MinNodes or > SearchSpace.MaxNodes)
            throw new ArgumentException($"Nodes must be {SearchSpace.MinNodes}–{SearchSpace.MaxNodes}, got {Nodes}", nameof(Nodes));
        if (K < 1 || Channels % K != 0)
            throw new ArgumentException($"K = {K} must divide the channel count C = {Channels}", nameof(K));
        if (InputChannels < 1) throw new ArgumentException($"InputChannels must be positive, got {InputChannels}", nameof(InputChannels));
        if (Classes < 1) throw new ArgumentException($"Classes must be positive, got {Classes}", nameof(Classes));
    }
}
