using PcDarts.Core.Specs;

namespace PcDarts.Engine.Evaluation;

/// <param name="Shape">A name from <see cref="NetworkShapes"/>: "cifar" or "imagenet".</param>
/// <param name="Channels">C of the first cells (36 for CIFAR, 48 for ImageNet in the paper).</param>
/// <param name="Layers">Cells (20 for CIFAR, 14 for ImageNet); reductions at Layers/3 and 2·Layers/3.</param>
/// <param name="Classes">Classifier outputs.</param>
/// <param name="InputChannels">Image channels: 1 (grey) or 3.</param>
/// <param name="Auxiliary">Build the auxiliary tower after the 2/3-depth reduction cell (weight 0.4 in the paper).</param>
public sealed record EvalNetworkOptions(string Shape, int Channels, int Layers, int Classes, int InputChannels, bool Auxiliary)
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the first bad field.</summary>
    public void Validate()
    {
        if (!NetworkShapes.All.Contains(Shape))
            throw new ArgumentException($"unknown network shape '{Shape}'; expected one of {string.Join(", ", NetworkShapes.All)}", nameof(Shape));
        if (Channels < 2 || Channels % 2 != 0)
            throw new ArgumentException($"Channels must be even and positive (factorized reduce halves them), got {Channels}", nameof(Channels));
        if (Layers < 3) throw new ArgumentException($"Layers must be at least 3 (two reductions and a normal cell), got {Layers}", nameof(Layers));
        if (Classes < 1) throw new ArgumentException($"Classes must be positive, got {Classes}", nameof(Classes));
        if (InputChannels < 1) throw new ArgumentException($"InputChannels must be positive, got {InputChannels}", nameof(InputChannels));
    }
}
