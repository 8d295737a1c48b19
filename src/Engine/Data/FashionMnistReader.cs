using PcDarts.Core.Specs;
using static TorchSharp.torch;

namespace PcDarts.Engine.Data;

/// <summary>Fashion-MNIST (Xiao, Rasul, Vollgraf 2017): 28×28 grey images in IDX files, 10 classes.</summary>
public static class FashionMnistReader
{
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    public static ImageDataset Read(string imagesIdxPath, string labelsIdxPath) =>
        Read(DatasetNames.FashionMnist, imagesIdxPath, labelsIdxPath, ClassNames.Count, ClassNames);

    /// <summary>Any IDX pair laid out as MNIST's (N×H×W unsigned-byte images, N labels below <paramref name="classes"/>), as one grey channel.</summary>
    public static ImageDataset Read(string name, string imagesIdxPath, string labelsIdxPath, int classes, IReadOnlyList<string>? classNames)
    {
        var (imageShape, pixels) = IdxFile.ReadBytes(imagesIdxPath, dimensions: 3);
        var (labelShape, labelBytes) = IdxFile.ReadBytes(labelsIdxPath, dimensions: 1);
        if (imageShape[0] != labelShape[0])
            throw new DataFormatException(labelsIdxPath, $"has {labelShape[0]} labels but {imagesIdxPath} has {imageShape[0]} images.");

        var labels = new long[labelBytes.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            if (labelBytes[i] >= classes)
                throw new DataFormatException(labelsIdxPath, $"label {labelBytes[i]} at index {i} is not a class 0..{classes - 1}.");
            labels[i] = labelBytes[i];
        }

        using var scope = NewDisposeScope();
        var images = tensor(pixels, [imageShape[0], 1, imageShape[1], imageShape[2]], ScalarType.Byte);
        return new ImageDataset(name, images, tensor(labels), classes, classNames);
    }
}
