namespace PcDarts.Core.Specs;

public static class DatasetNames
{
    public const string FashionMnist = "fashion-mnist";
    public const string Cifar10 = "cifar10";
    public const string Synthetic = "synthetic";

    public static IReadOnlyList<string> All { get; } = [FashionMnist, Cifar10, Synthetic];
}

public static class NetworkShapes
{
    /// <summary>Stem of one 3×3 conv; reductions at 1/3 and 2/3 of the depth.</summary>
    public const string Cifar = "cifar";
    /// <summary>Stem of three 3×3 stride-2 convs (224 → 28).</summary>
    public const string ImageNet = "imagenet";

    public static IReadOnlyList<string> All { get; } = [Cifar, ImageNet];
}
