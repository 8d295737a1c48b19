using System.Diagnostics;
using System.Text.Json;
using PcDarts.Core.Genotypes;
using PcDarts.Core.Metrics;
using PcDarts.Core.Specs;
using PcDarts.Engine.Data;
using PcDarts.Engine.Search;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PcDarts.Engine.Training;

/// <summary>
/// The PC-DARTS search (docs/pc-darts.md §4, authors' train_search.py): per step, a first-order architecture step on an
/// architecture batch (skipped during the warm-up), then a weight step on a weight batch. One checkpoint per epoch.
/// </summary>
internal sealed class SearchLoop : EpochLoop
{
    private readonly SearchSpec _spec;
    private readonly SearchData _data;
    private readonly SearchNetwork _network;
    private readonly Parameter[] _weights;
    private readonly SGD _weightOptimizer;
    private readonly Adam _architectureOptimizer;
    private readonly SearchSteps _steps;
    private readonly BatchAugmenter _augmenter;

    public SearchLoop(SearchSpec spec, SearchData data, Device device)
        : base("search", JsonSerializer.Serialize(spec, RunJson.Options), spec.Epochs, device)
    {
        _spec = spec;
        _data = data;
        // The seed fixes the initial weights and α/β; everything later is seeded per epoch (EpochSeeds).
        _network = TorchRandom.Seeded(spec.Seed, () => SearchNetwork.Create(new SearchNetworkOptions(
            spec.Network, spec.Channels, spec.Layers, spec.Nodes, spec.K, spec.EdgeNormalization,
            data.Images.Channels, data.Images.Classes), device));
        _weights = _network.WeightParameters().ToArray();
        _weightOptimizer = TrainingOptimizers.SearchWeights(spec, _weights);
        _architectureOptimizer = TrainingOptimizers.Architecture(spec, _network.Architecture.All);
        _augmenter = new BatchAugmenter(data.Augment);
        _steps = new SearchSteps(_network, _weights, _weightOptimizer, _architectureOptimizer, spec.GradClip, spec.ArchGradClip);
    }

    public long WeightParameterCount => _weights.Sum(p => p.numel());

    public SearchNetwork Network => _network;

    /// <summary>What the loop trains with, for tests that pin its settings.</summary>
    internal SGD WeightOptimizer => _weightOptimizer;

    internal Adam ArchitectureOptimizer => _architectureOptimizer;

    internal SearchSteps Steps => _steps;

    public RunOutcome Run(IRunStore store, IProgress<StepProgress>? progress, CancellationToken cancellationToken)
    {
        var history = RunEpochs(store, progress, cancellationToken);
        return new RunOutcome(history[^1].Architecture!.Genotype, WeightParameterCount, null, SaveWeights());
    }

    protected override nn.Module TrainedNetwork => _network;

    protected override IReadOnlyList<OptimizerHelper> Optimizers => [_weightOptimizer, _architectureOptimizer];

    protected override ArchitectureWeights ArchitectureState => _network.Architecture.Snapshot();

    protected override void RestoreArchitecture(ArchitectureWeights? state) =>
        _network.Architecture.Load(state ?? throw new InvalidDataException("search checkpoint without α/β"));

    protected override EpochResult RunEpoch(int epoch, IProgress<StepProgress>? progress, CancellationToken cancellationToken)
    {
        var epochIndex = epoch - 1;
        var learningRate = LearningRateSchedule.Search(_spec, epochIndex);
        SetLearningRate(_weightOptimizer, learningRate);
        BeginEpoch();
        var updateArchitecture = epochIndex >= _spec.WarmupEpochs;

        var weightOrder = Permuted(_data.WeightIndices, EpochSeeds.For(_spec.Seed, epoch, EpochSeeds.WeightOrder), epoch);
        var architectureBatches = new ArchitectureBatches(_data.ArchitectureIndices, _spec.BatchSize, _spec.Seed, epoch);
        var steps = BatchLoader.BatchCount(weightOrder.Length, _spec.BatchSize);
        var weightAugmentSeed = EpochSeeds.For(_spec.Seed, epoch, EpochSeeds.WeightAugmentation);

        var train = new RunningAverage();
        var clock = Stopwatch.StartNew();
        _network.train();
        for (var step = 0; step < steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            if (updateArchitecture)
            {
                // Its own scope: the architecture batch is freed before the weight half-step starts.
                using var architectureScope = NewDisposeScope();
                var architectureIndices = architectureBatches.IndicesAt(step);
                var (architectureImages, architectureLabels) = BatchLoader.GetBatch(_data.Images, architectureIndices,
                    architectureIndices.Length, 0, _augmenter, Device, train: true, architectureBatches.AugmentSeedAt(step));
                _steps.Architecture(architectureImages, architectureLabels);
            }
            var (images, labels) = BatchLoader.GetBatch(_data.Images, weightOrder, _spec.BatchSize, step,
                _augmenter, Device, train: true, weightAugmentSeed);
            var (loss, logits) = _steps.Weights(images, labels);
            train.Add(loss.item<float>(), labels.shape[0], Accuracy.CorrectInTopK(logits, labels, 1));
            CudaMemory?.Sample();
            progress?.Report(new StepProgress(epoch, _spec.Epochs, step + 1, steps, train.Loss, train.Top1));
        }
        var trainSeconds = clock.Elapsed.TotalSeconds;
        var valid = Evaluate(_network.forward, _data.Images, _data.ArchitectureIndices, _spec.BatchSize, _augmenter);

        // The architecture split's top-5 says little with 10 classes and is not what the authors log.
        var metrics = Measured(epoch, train, valid, learningRate, clock.Elapsed, trainSeconds)
            with { ValidTop5 = null, ArchitectureUpdated = updateArchitecture };
        return new EpochResult(metrics, Architecture());
    }

    private static int[] Permuted(int[] indices, long seed, int epoch) =>
        EpochOrder.Shuffle(indices, unchecked((int)seed), epoch);

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

    public override void Dispose()
    {
        _weightOptimizer.Dispose();
        _architectureOptimizer.Dispose();
        _network.Dispose();
    }
}
