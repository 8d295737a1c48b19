using PcDarts.Core.Specs;
using PcDarts.Engine.Data;

namespace PcDarts.Engine.Training;

/// <summary>What a run reads: its images (a built-in or a handed source) and the side length its network sees.</summary>
internal static class RunInput
{
    /// <summary>The spec's input size; else a source's own image size; else the built-in's (224 for the ImageNet shape).</summary>
    public static int Size(string network, int? inputSize, string dataset, DatasetSource? source) =>
        inputSize ?? source?.ImageSize ?? NetworkShapes.InputSize(network, null, dataset);

    /// <summary>One split of the built-in <paramref name="dataset"/>, or of <paramref name="source"/> when given.</summary>
    public static ILabelledImages Open(string dataset, string? dataDir, DatasetSource? source, DatasetSplit split, int inputSize) =>
        source is null ? DatasetCatalog.Load(dataset, dataDir, split) : DatasetSources.Open(source, split, inputSize);

    /// <summary>The training split, cut to its first <paramref name="subset"/> images when given.</summary>
    public static ILabelledImages Train(string dataset, string? dataDir, DatasetSource? source, int inputSize, int? subset)
    {
        var images = Open(dataset, dataDir, source, DatasetSplit.Train, inputSize);
        if (subset is not { } count || count >= images.Count) return images;
        var taken = images.Take(count);
        images.Dispose();
        return taken;
    }
}
