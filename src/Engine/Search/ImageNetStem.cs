using TorchSharp;
using static TorchSharp.torch;

namespace PcDarts.Engine.Search;

/// <summary>
/// The ImageNet stem of DARTS / PC-DARTS: three 3×3 stride-2 convs (224 → 28) in two parts, so that the first cell
/// gets the 56×56 output as its input two back and the 28×28 one as its previous input.
/// </summary>
internal static class ImageNetStem
{
    /// <returns>stem0: conv → BN → ReLU → conv → BN (stride 4); stem1: ReLU → conv → BN (stride 2).</returns>
    public static (nn.Module<Tensor, Tensor> Stem0, nn.Module<Tensor, Tensor> Stem1) Create(int inputChannels, int middleChannels, int outChannels) =>
    (
        nn.Sequential(
            ("conv0", nn.Conv2d(inputChannels, middleChannels, 3, stride: 2, padding: 1, bias: false)),
            ("bn0", nn.BatchNorm2d(middleChannels)),
            ("relu0", nn.ReLU()),
            ("conv1", nn.Conv2d(middleChannels, outChannels, 3, stride: 2, padding: 1, bias: false)),
            ("bn1", nn.BatchNorm2d(outChannels))),
        nn.Sequential(
            ("relu", nn.ReLU()),
            ("conv", nn.Conv2d(outChannels, outChannels, 3, stride: 2, padding: 1, bias: false)),
            ("bn", nn.BatchNorm2d(outChannels)))
    );
}
