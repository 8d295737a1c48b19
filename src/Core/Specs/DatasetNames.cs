namespace PcDarts.Core.Specs;

public static class DatasetNames
{
    public const string FashionMnist = "fashion-mnist";
    public const string Cifar10 = "cifar10";
    public const string Synthetic = "synthetic";

    public static IReadOnlyList<string> All { get; } = [FashionMnist, Cifar10, Synthetic];

    /// <summary>Side length of the data set's images as stored (Fashion-MNIST 28, CIFAR-10 and the synthetic set 32).</summary>
    public static int NativeSize(string name) => name == FashionMnist ? 28 : 32;

    /// <summary>Classes of a built-in: ten in each (Fashion-MNIST's garments, CIFAR-10's objects, the synthetic set's rectangles).</summary>
    public static int Classes(string name) => 10;

    /// <summary>Images in the training split: Fashion-MNIST 60,000, CIFAR-10 50,000, the synthetic set 2,048.</summary>
    public static int TrainExamples(string name) => name switch
    {
        FashionMnist => 60_000,
        Synthetic => SyntheticTrainExamples,
        _ => 50_000,
    };

    public const int SyntheticTrainExamples = 2_048;
}

public static class NetworkShapes
{
    /// <summary>The side length a network of this shape sees: the spec's input size, else 224 for the ImageNet shape, else the data set's own.</summary>
    public static int InputSize(string shape, int? inputSize, string dataset) =>
        inputSize ?? (shape == ImageNet ? 224 : DatasetNames.NativeSize(dataset));

    /// <summary>
    /// Side length of the features the auxiliary tower reads (after the 2/3-depth reduction): input / 4 in the CIFAR
    /// shape, input / 32 in the ImageNet shape; its 5×5 pooling and 2×2 convolution need at least
    /// <see cref="MinimumAuxiliaryFeatures"/>.
    /// </summary>
    public static int AuxiliaryFeatureSize(string shape, int inputSize) => shape == ImageNet ? inputSize / 32 : inputSize / 4;

    public static int MinimumAuxiliaryFeatures(string shape) => shape == ImageNet ? 7 : 8;

    /// <summary>Side length the first cell works at: the CIFAR stem keeps the input's, the ImageNet stem divides it by 8.</summary>
    public static int FirstCellSize(string shape, int inputSize) => shape == ImageNet ? Math.Max(inputSize / 8, 1) : inputSize;

    /// <summary>Stem of one 3×3 conv; reductions at 1/3 and 2/3 of the depth.</summary>
    public const string Cifar = "cifar";
    /// <summary>Stem of three 3×3 stride-2 convs (224 → 28).</summary>
    public const string ImageNet = "imagenet";

    public static IReadOnlyList<string> All { get; } = [Cifar, ImageNet];
}
