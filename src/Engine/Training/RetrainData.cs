using PcDarts.Core.Specs;
using PcDarts.Engine.Data;

namespace PcDarts.Engine.Training;

/// <summary>The training set (optionally its first N examples) and the held-out test set of a retrain.</summary>
internal sealed class RetrainData : IDisposable
{
    public required ILabelledImages Train { get; init; }
    public required ILabelledImages Test { get; init; }
    public required AugmentOptions Augment { get; init; }

    /// <summary>The built-in named by the spec, or <paramref name="source"/> when given (an image folder's val/ is the test set).</summary>
    public static RetrainData Load(RetrainSpec spec, DatasetSource? source = null)
    {
        var inputSize = RunInput.Size(spec.Network, spec.InputSize, spec.Dataset, source);
        var train = RunInput.Train(spec.Dataset, spec.DataDir, source, inputSize, spec.Subset);
        ILabelledImages test;
        try
        {
            test = RunInput.Open(spec.Dataset, spec.DataDir, source, DatasetSplit.Test, inputSize);
        }
        catch
        {
            train.Dispose();
            throw;
        }
        var cutoutLength = spec.Cutout > 0 ? spec.Cutout : 0;
        var augment = source is null
            ? AugmentOptions.ForDataset(spec.Dataset, cutout: spec.Cutout > 0, cutoutLength: Math.Max(spec.Cutout, 1)) with { ResizeTo = inputSize }
            : DatasetSources.Augment(source, train, cutoutLength, inputSize, colorJitter: true);
        return new RetrainData { Train = train, Test = test, Augment = augment };
    }

    /// <summary>The side length the network sees.</summary>
    public int InputSize => Augment.ResizeTo!.Value;

    public void Dispose()
    {
        Train.Dispose();
        Test.Dispose();
    }
}
