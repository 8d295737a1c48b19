using System.Text.Json.Nodes;
using PcDarts.Core.Genotypes;
using PcDarts.Core.Metrics;
using PcDarts.Engine.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PcDarts.Engine.Training;

/// <summary>
/// What a search and a retrain share: resume from the store's checkpoint, run the remaining epochs, and after each
/// one commit its record together with a checkpoint holding everything needed to continue exactly.
/// </summary>
internal abstract class EpochLoop(string kind, string specJson, int epochs, Device device) : IDisposable
{
    /// <summary>Spec fields that say where and how fast a run goes, not what it computes: they may change on resume.</summary>
    private static readonly string[] PlacementFields = ["threads", "queue", "dataDir"];

    protected Device Device { get; } = device;

    protected CudaMemoryProbe? CudaMemory { get; } =
        device.type == DeviceType.CUDA ? CudaMemoryProbe.TryCreate(device.index < 0 ? 0 : device.index) : null;

    protected abstract nn.Module TrainedNetwork { get; }

    /// <summary>What the process held before the run began (<see cref="JobMemory"/>); reported with every epoch.</summary>
    public long? HostProcessBytes { get; init; }

    protected abstract IReadOnlyList<OptimizerHelper> Optimizers { get; }

    /// <summary>Runs epoch <paramref name="epoch"/> (1-based) and measures it.</summary>
    protected abstract EpochResult RunEpoch(int epoch, IProgress<StepProgress>? progress, CancellationToken cancellationToken);

    /// <summary>α/β of a search, stored exactly in the checkpoint header; null for a retrain.</summary>
    protected virtual ArchitectureWeights? ArchitectureState => null;

    protected virtual void RestoreArchitecture(ArchitectureWeights? state) { }

    public IReadOnlyList<EpochResult> RunEpochs(IRunStore store, IProgress<StepProgress>? progress, CancellationToken cancellationToken)
    {
        var history = new List<EpochResult>();
        if (store.LoadCheckpoint() is { } checkpoint)
            history.AddRange(Resume(checkpoint));

        for (var epoch = history.Count + 1; epoch <= epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = RunEpoch(epoch, progress, cancellationToken);
            history.Add(result);
            var header = new CheckpointHeader
            {
                Kind = kind,
                EpochsDone = history.Count,
                Spec = specJson,
                History = history,
                Architecture = ArchitectureState,
            };
            store.CommitEpoch(result, Checkpoint.Save(header, TrainedNetwork, Optimizers));
        }
        return history;
    }

    private IReadOnlyList<EpochResult> Resume(byte[] checkpoint)
    {
        var header = Checkpoint.ReadHeader(checkpoint);
        if (header.Kind != kind)
            throw new CheckpointMismatchException($"the checkpoint belongs to a {header.Kind} run, not a {kind}");
        // Compared before any tensor is loaded: a different network would fail there with a less useful message.
        if (Identity(header.Spec) != Identity(specJson))
            throw new CheckpointMismatchException($"the checkpoint was written by a {kind} with different settings; start a new run instead of resuming");
        Checkpoint.Restore(checkpoint, TrainedNetwork, Optimizers);
        RestoreArchitecture(header.Architecture);
        return header.History;
    }

    private static string Identity(string spec)
    {
        var json = JsonNode.Parse(spec)!.AsObject();
        foreach (var field in PlacementFields) json.Remove(field);
        return json.ToJsonString();
    }

    protected static void SetLearningRate(OptimizerHelper optimizer, double learningRate)
    {
        foreach (var group in optimizer.ParamGroups) group.LearningRate = learningRate;
    }

    /// <summary>Marks the start of an epoch's measurements, so each epoch reports its own peak memory.</summary>
    protected static void BeginEpoch() => MemoryProbe.ResetProcessPeak();

    /// <summary>Loss, top-1 and top-5 over <paramref name="indices"/> of <paramref name="data"/>, in eval mode, unaugmented.</summary>
    protected RunningAverage Evaluate(Func<Tensor, Tensor> logitsOf, ILabelledImages data, int[] indices, int batchSize, BatchAugmenter augmenter)
    {
        var result = new RunningAverage();
        TrainedNetwork.eval();
        using (no_grad())
        {
            for (var batch = 0; batch < BatchLoader.BatchCount(indices.Length, batchSize); batch++)
            {
                using var scope = NewDisposeScope();
                var (images, labels) = BatchLoader.GetBatch(data, indices, batchSize, batch, augmenter, Device, train: false, 0);
                var logits = logitsOf(images);
                result.Add(nn.functional.cross_entropy(logits, labels).item<float>(), labels.shape[0],
                    Accuracy.CorrectInTopK(logits, labels, 1), Accuracy.CorrectInTopK(logits, labels, 5));
            }
        }
        TrainedNetwork.train();
        return result;
    }

    /// <summary>The measurements every epoch reports; <paramref name="trainSeconds"/> excludes the evaluation.</summary>
    protected EpochMetrics Measured(int epoch, RunningAverage train, RunningAverage valid, double learningRate, TimeSpan elapsed, double trainSeconds) => new()
    {
        Epoch = epoch,
        TrainLoss = train.Loss,
        TrainTop1 = train.Top1,
        ValidLoss = valid.Loss,
        ValidTop1 = valid.Top1,
        ValidTop5 = valid.Top5,
        LearningRate = learningRate,
        Seconds = elapsed.TotalSeconds,
        ImagesPerSecond = train.Count / trainSeconds,
        PeakProcessBytes = MemoryProbe.ProcessPeakBytes(),
        HostProcessBytes = HostProcessBytes is > 0 ? HostProcessBytes : null,
        PeakCudaBytes = CudaMemory?.TakePeak(),
    };

    protected byte[] SaveWeights()
    {
        using var buffer = new MemoryStream();
        TrainedNetwork.save(buffer);
        return buffer.ToArray();
    }

    public abstract void Dispose();
}
