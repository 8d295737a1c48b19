using PcDarts.Core.Specs;

namespace PcDarts.Engine.Training;

/// <summary>The side length a run's network sees.</summary>
internal static class RunInput
{
    /// <summary>The spec's input size; else a source's own image size; else the built-in's (224 for the ImageNet shape).</summary>
    public static int Size(string network, int? inputSize, string dataset, DatasetSource? source) =>
        inputSize ?? source?.ImageSize ?? NetworkShapes.InputSize(network, null, dataset);
}
