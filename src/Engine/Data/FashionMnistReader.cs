using PcDarts.Core.Specs;
using static TorchSharp.torch;

namespace PcDarts.Engine.Data;

/// <summary>Fashion-MNIST (Xiao, Rasul, Vollgraf 2017): 28×28 grey images in IDX files, 10 classes.</summary>
public static class FashionMnistReader
{
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    public static ImageDataset Read(string imagesIdxPath, string labelsIdxPath)
    {
        var (imageShape, pixels) = IdxFile.ReadBytes(imagesIdxPath, dimensions: 3);
        var (labelShape, labelBytes) = IdxFile.ReadBytes(labelsIdxPath, dimensions: 1);
        if (imageShape[0] != labelShape[0])
            throw new DataFormatException(labelsIdxPath, $"has {labelShape[0]} labels but {imagesIdxPath} has {imageShape[0]} images.");

        var labels = new long[labelBytes.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            if (labelBytes[i] >= ClassNames.Count)
                throw new DataFormatException(labelsIdxPath, $"label {labelBytes[i]} at index {i} is not a class 0..{ClassNames.Count - 1}.");
            labels[i] = labelBytes[i];
        }

        using var scope = NewDisposeScope();
        var images = tensor(pixels, [imageShape[0], 1, imageShape[1], imageShape[2]], ScalarType.Byte);
        return new ImageDataset(DatasetNames.FashionMnist, images, tensor(labels), ClassNames.Count, ClassNames);
    }
}
