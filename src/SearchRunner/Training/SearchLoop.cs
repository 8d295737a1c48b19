using System.Diagnostics;
using System.Text.Json;
using PcDarts.Core.Genotypes;
using PcDarts.Core.Metrics;
using PcDarts.Core.Specs;
using PcDarts.SearchRunner.Data;
using PcDarts.SearchRunner.Search;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PcDarts.SearchRunner.Training;

/// <summary>
/// The PC-DARTS search (pc-darts.md §4, authors' train_search.py): per step, a first-order architecture step on an
/// architecture batch (skipped during the warm-up), then a weight step on a weight batch. One checkpoint per epoch.
/// </summary>
internal sealed class SearchLoop : IDisposable
{
    private readonly SearchSpec _spec;
    private readonly SearchData _data;
    private readonly Device _device;
    private readonly SearchNetwork _network;
    private readonly Parameter[] _weights;
    private readonly SGD _weightOptimizer;
    private readonly Adam _architectureOptimizer;
    private readonly CudaMemoryProbe? _cudaMemory;
    private readonly SearchSteps _steps;
    private readonly BatchAugmenter _augmenter;

    public SearchLoop(SearchSpec spec, SearchData data, Device device)
    {
        _spec = spec;
        _data = data;
        _device = device;
        // The seed fixes the initial weights and α/β; everything later is seeded per epoch (EpochSeeds).
        torch.manual_seed(spec.Seed);
        _network = SearchNetwork.Create(new SearchNetworkOptions(
            spec.Network, spec.Channels, spec.Layers, spec.Nodes, spec.K, spec.EdgeNormalization,
            data.Images.Channels, data.Images.Classes), device);
        _weights = _network.WeightParameters().ToArray();
        _weightOptimizer = torch.optim.SGD(_weights, spec.LearningRate, spec.Momentum, weight_decay: spec.WeightDecay);
        _architectureOptimizer = torch.optim.Adam(_network.Architecture.All, spec.ArchLearningRate,
            beta1: 0.5, beta2: 0.999, weight_decay: spec.ArchWeightDecay);
        _augmenter = new BatchAugmenter(data.Augment);
        _steps = new SearchSteps(_network, _weights, _weightOptimizer, _architectureOptimizer, spec.GradClip, spec.ArchGradClip);
        _cudaMemory = device.type == DeviceType.CUDA ? CudaMemoryProbe.TryCreate(device.index < 0 ? 0 : device.index) : null;
    }

    public long WeightParameterCount => _weights.Sum(p => p.numel());

    public SearchNetwork Network => _network;

    public RunOutcome Run(IRunStore store, IProgress<StepProgress>? progress, CancellationToken cancellationToken)
    {
        var history = new List<EpochResult>();
        if (store.LoadCheckpoint() is { } checkpoint)
            history.AddRange(Resume(checkpoint));

        for (var epoch = history.Count + 1; epoch <= _spec.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = RunEpoch(epoch, progress, cancellationToken);
            history.Add(result);
            store.CommitEpoch(result, Checkpoint.Save(HeaderAfter(history), _network, Optimizers));
        }

        var genotype = history[^1].Architecture!.Genotype;
        return new RunOutcome(genotype, WeightParameterCount, null, SaveWeights());
    }

    private OptimizerHelper[] Optimizers => [_weightOptimizer, _architectureOptimizer];

    private IReadOnlyList<EpochResult> Resume(byte[] checkpoint)
    {
        var header = Checkpoint.Restore(checkpoint, _network, Optimizers);
        if (header.Kind != "search")
            throw new InvalidDataException($"the checkpoint belongs to a {header.Kind} run, not a search");
        var saved = JsonSerializer.Deserialize<SearchSpec>(header.Spec, RunJson.Options)!;
        if (SpecIdentity(saved) != SpecIdentity(_spec))
            throw new InvalidOperationException("the checkpoint was written by a search with different settings; start a new run instead of resuming");
        var raw = header.Architecture ?? throw new InvalidDataException("search checkpoint without α/β");
        _network.Architecture.Load(raw);
        return header.History;
    }

    /// <summary>What must match for a resume to continue the same search: everything but where and how fast it runs.</summary>
    private static string SpecIdentity(SearchSpec spec) =>
        JsonSerializer.Serialize(spec with { Threads = null, Queue = null, DataDir = null }, RunJson.Options);

    private CheckpointHeader HeaderAfter(IReadOnlyList<EpochResult> history)
    {
        return new CheckpointHeader
        {
            Kind = "search",
            EpochsDone = history.Count,
            Spec = JsonSerializer.Serialize(_spec, RunJson.Options),
            History = history,
            Architecture = _network.Architecture.Snapshot(),
        };
    }

    private EpochResult RunEpoch(int epoch, IProgress<StepProgress>? progress, CancellationToken cancellationToken)
    {
        var epochIndex = epoch - 1;
        var learningRate = CosineSchedule.At(epochIndex, _spec.Epochs, _spec.LearningRate, _spec.LearningRateMin);
        foreach (var group in _weightOptimizer.ParamGroups) group.LearningRate = learningRate;
        torch.manual_seed(EpochSeeds.For(_spec.Seed, epoch, EpochSeeds.Torch));
        var updateArchitecture = epochIndex >= _spec.WarmupEpochs;
        MemoryProbe.ResetProcessPeak();

        var weightOrder = Permuted(_data.WeightIndices, EpochSeeds.For(_spec.Seed, epoch, EpochSeeds.WeightOrder), epoch);
        var architectureOrder = Permuted(_data.ArchitectureIndices, EpochSeeds.For(_spec.Seed, epoch, EpochSeeds.ArchitectureOrder), epoch);
        var steps = BatchCount(weightOrder.Length);
        var architectureSteps = BatchCount(architectureOrder.Length);
        var weightAugmentSeed = EpochSeeds.For(_spec.Seed, epoch, EpochSeeds.WeightAugmentation);
        var architectureAugmentSeed = EpochSeeds.For(_spec.Seed, epoch, EpochSeeds.ArchitectureAugmentation);

        var train = new RunningAverage();
        var clock = Stopwatch.StartNew();
        _network.train();
        for (var step = 0; step < steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            if (updateArchitecture)
            {
                var (architectureImages, architectureLabels) = BatchLoader.GetBatch(_data.Images, architectureOrder,
                    _spec.BatchSize, step % architectureSteps, _augmenter, _device, train: true, architectureAugmentSeed);
                _steps.Architecture(architectureImages, architectureLabels);
            }
            var (images, labels) = BatchLoader.GetBatch(_data.Images, weightOrder, _spec.BatchSize, step,
                _augmenter, _device, train: true, weightAugmentSeed);
            var (loss, logits) = _steps.Weights(images, labels);
            train.Add(loss.item<float>(), labels.shape[0], Accuracy.CorrectInTopK(logits, labels, 1));
            _cudaMemory?.Sample();
            progress?.Report(new StepProgress(epoch, _spec.Epochs, step + 1, steps, train.Loss, train.Top1));
        }
        var trainSeconds = clock.Elapsed.TotalSeconds;
        var valid = Evaluate(architectureOrder.Order().ToArray());

        return new EpochResult(new EpochMetrics
        {
            Epoch = epoch,
            TrainLoss = train.Loss,
            TrainTop1 = train.Top1,
            ValidLoss = valid.Loss,
            ValidTop1 = valid.Top1,
            LearningRate = learningRate,
            Seconds = clock.Elapsed.TotalSeconds,
            ImagesPerSecond = train.Count / trainSeconds,
            PeakProcessBytes = MemoryProbe.ProcessPeakBytes(),
            PeakCudaBytes = _cudaMemory?.TakePeak(),
            ArchitectureUpdated = updateArchitecture,
        }, Architecture());
    }

    private int BatchCount(int examples) => (examples + _spec.BatchSize - 1) / _spec.BatchSize;

    private static int[] Permuted(int[] indices, long seed, int epoch) =>
        EpochOrder.Shuffle(indices, unchecked((int)seed), epoch);

    /// <summary>Loss and accuracy on the whole architecture split, in eval mode, without augmentation.</summary>
    private RunningAverage Evaluate(int[] indices)
    {
        var result = new RunningAverage();
        _network.eval();
        using (no_grad())
        {
            for (var batch = 0; batch < BatchCount(indices.Length); batch++)
            {
                using var scope = NewDisposeScope();
                var (images, labels) = BatchLoader.GetBatch(_data.Images, indices, _spec.BatchSize, batch,
                    _augmenter, _device, train: false, 0);
                var logits = _network.forward(images);
                result.Add(nn.functional.cross_entropy(logits, labels).item<float>(), labels.shape[0],
                    Accuracy.CorrectInTopK(logits, labels, 1));
            }
        }
        _network.train();
        return result;
    }

    private ArchitectureSnapshot Architecture()
    {
        var raw = _network.Architecture.Snapshot();
        if (!_spec.EdgeNormalization) raw = new ArchitectureWeights(raw.AlphasNormal, raw.AlphasReduce);
        var genotype = GenotypeDerivation.Derive(raw, _spec.EdgeNormalization);
        var alphas = raw.SoftmaxAlphas();
        if (!raw.HasBetas)
            return new ArchitectureSnapshot(alphas.Normal, alphas.Reduce, null, null, genotype);
        var betas = raw.NormalizedBetas();
        return new ArchitectureSnapshot(alphas.Normal, alphas.Reduce, betas.Normal, betas.Reduce, genotype);
    }

    private byte[] SaveWeights()
    {
        using var buffer = new MemoryStream();
        _network.save(buffer);
        return buffer.ToArray();
    }

    public void Dispose()
    {
        _weightOptimizer.Dispose();
        _architectureOptimizer.Dispose();
        _network.Dispose();
    }
}
