using PcDarts.Core.Specs;

namespace PcDarts.Engine.Data;

/// <summary>
/// How a batch is turned into network input. Training adds a random crop of the zero-padded
/// image (<paramref name="CropPadding"/> pixels each side, 0 = off), a horizontal flip with
/// p = 0.5 and Cutout (<paramref name="CutoutLength"/>, 0 = off); both modes normalize with
/// <paramref name="Mean"/> and <paramref name="Std"/> (per channel, 0..1 scale) and, when
/// <paramref name="ResizeTo"/> is set, resize bilinearly to ResizeTo×ResizeTo (the ImageNet-shaped stem wants 224).
/// <paramref name="ColorJitter"/> applies to an image folder only, whose random crop, flip and jitter run at decode
/// time: train_imagenet.py (the retrain) jitters, train_search_imagenet.py (the search) does not.
/// </summary>
public sealed record AugmentOptions(int CropPadding, bool HorizontalFlip, int CutoutLength, float[] Mean, float[] Std, int? ResizeTo = null,
    bool ColorJitter = false)
{
    /// <summary>The usual CIFAR-10 training-set statistics, as in DARTS' utils.py.</summary>
    public static float[] Cifar10Mean { get; } = [0.49139968f, 0.48215827f, 0.44653124f];
    public static float[] Cifar10Std { get; } = [0.24703233f, 0.24348505f, 0.26158768f];
    public static float[] FashionMnistMean { get; } = [0.2860f];
    public static float[] FashionMnistStd { get; } = [0.3530f];

    /// <summary>The catalog's synthetic set (3 channels) has uniformly random colours: mean ½, std ≈ 1/√12.</summary>
    public static float[] SyntheticMean { get; } = [0.5f, 0.5f, 0.5f];
    public static float[] SyntheticStd { get; } = [0.29f, 0.29f, 0.29f];

    /// <summary>
    /// The standard pipeline of a data set. CIFAR-10 follows DARTS (crop 32 with padding 4, flip).
    /// Fashion-MNIST uses padding 2: a 28×28 image shifted by 4 would lose a seventh of its width,
    /// often part of the garment, where 4 of CIFAR's 32 pixels are mostly background. Mirrored
    /// garments stay the same class, so the flip is kept. Synthetic data is not augmented: its
    /// classes are fixed rectangles, and the data set exists to check that a loss falls.
    /// </summary>
    public static AugmentOptions ForDataset(string name, bool cutout, int cutoutLength = 16)
    {
        var cut = cutout ? cutoutLength : 0;
        return name switch
        {
            DatasetNames.Cifar10 => new AugmentOptions(4, true, cut, Cifar10Mean, Cifar10Std),
            DatasetNames.FashionMnist => new AugmentOptions(2, true, cut, FashionMnistMean, FashionMnistStd),
            DatasetNames.Synthetic => new AugmentOptions(0, false, cut, SyntheticMean, SyntheticStd),
            _ => throw new ArgumentException($"Unknown data set '{name}'; known: {string.Join(", ", DatasetNames.All)}.", nameof(name)),
        };
    }
}
