using System.Diagnostics;
using System.Text.Json;
using PcDarts.Core.Genotypes;
using PcDarts.Core.Metrics;
using PcDarts.Core.Specs;
using PcDarts.Engine.Data;
using PcDarts.Engine.Evaluation;
using PcDarts.Engine.Interop;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PcDarts.Engine.Training;

/// <summary>
/// Training a found cell from scratch as a full network (docs/pc-darts.md §5, authors' train.py / train_imagenet.py):
/// SGD with the spec's schedule, drop-path ramped by epoch, auxiliary loss, cutout, label smoothing, top-1/top-5 on the test set.
/// </summary>
internal sealed class RetrainLoop : EpochLoop
{
    private readonly RetrainSpec _spec;
    private readonly RetrainData _data;
    private readonly EvalNetwork _network;
    private readonly Parameter[] _weights;
    private readonly SGD _optimizer;
    private readonly BatchAugmenter _augmenter;
    private Generator? _dropPathDraws;

    public RetrainLoop(RetrainSpec spec, Genotype genotype, RetrainData data, Device device, string? initialWeights = null)
        : base("retrain", JsonSerializer.Serialize(new { spec, genotype = genotype.ToDartsText() }, RunJson.Options), spec.Epochs, device)
    {
        _spec = spec;
        _data = data;
        _network = TorchRandom.Seeded(spec.Seed, () => EvalNetwork.Create(new EvalNetworkOptions(spec.Network, spec.Channels,
            spec.Layers, data.Train.Classes, data.Train.Channels, Auxiliary: spec.AuxiliaryWeight > 0), genotype, device));
        if (initialWeights is not null) LoadInitialWeights(initialWeights);
        _weights = _network.parameters().ToArray();
        _optimizer = TrainingOptimizers.RetrainWeights(spec, _weights);
        _augmenter = new BatchAugmenter(data.Augment);
    }

    protected override nn.Module TrainedNetwork => _network;

    /// <summary>What the loop trains with, for tests that pin its settings.</summary>
    internal SGD Optimizer => _optimizer;

    /// <summary>The gradient-norm clip of every step (the authors' `clip_grad_norm_(…, args.grad_clip)`).</summary>
    internal double GradClip => _spec.GradClip;

    protected override IReadOnlyList<OptimizerHelper> Optimizers => [_optimizer];

    public RunOutcome Run(IRunStore store, IProgress<StepProgress>? progress, CancellationToken cancellationToken)
    {
        RunEpochs(store, progress, cancellationToken);
        var cost = ModelCost.Measure(_network, _data.InputSize);
        return new RunOutcome(_network.Genotype, cost.Parameters, cost.MultiplyAdds, SaveWeights());
    }

    protected override EpochResult RunEpoch(int epoch, IProgress<StepProgress>? progress, CancellationToken cancellationToken)
    {
        var epochIndex = epoch - 1;
        var learningRate = LearningRateSchedule.Retrain(_spec, epochIndex);
        SetLearningRate(_optimizer, learningRate);
        // Authors: drop_path_prob * epoch / epochs with a 0-based epoch, so the first epoch trains without drop-path.
        _network.DropPathProbability = _spec.DropPath * epochIndex / _spec.Epochs;
        BeginEpoch();
        _dropPathDraws?.Dispose();
        _dropPathDraws = new Generator(unchecked((ulong)EpochSeeds.For(_spec.Seed, epoch, EpochSeeds.DropPath)));
        _network.DropPathGenerator = _dropPathDraws;

        var order = EpochOrder.Shuffle(_data.Train.Count, unchecked((int)EpochSeeds.For(_spec.Seed, epoch, EpochSeeds.WeightOrder)), epoch);
        var augmentSeed = EpochSeeds.For(_spec.Seed, epoch, EpochSeeds.WeightAugmentation);
        var steps = BatchLoader.BatchCount(order.Length, _spec.BatchSize);
        var train = new RunningAverage();
        var clock = Stopwatch.StartNew();
        _network.train();
        for (var step = 0; step < steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var (images, labels) = BatchLoader.GetBatch(_data.Train, order, _spec.BatchSize, step, _augmenter, Device, train: true, augmentSeed);
            _optimizer.zero_grad();
            var (logits, auxiliaryLogits) = _network.call(images);
            var loss = RetrainLoss.Of(logits, labels, _spec.LabelSmoothing);
            if (auxiliaryLogits is not null)
                loss = loss + _spec.AuxiliaryWeight * RetrainLoss.Of(auxiliaryLogits, labels, _spec.LabelSmoothing);
            loss.backward();
            nn.utils.clip_grad_norm_(_weights, _spec.GradClip);
            _optimizer.step();
            train.Add(loss.item<float>(), labels.shape[0], Accuracy.CorrectInTopK(logits, labels, 1));
            CudaMemory?.Sample();
            progress?.Report(new StepProgress(epoch, _spec.Epochs, step + 1, steps, train.Loss, train.Top1));
        }
        var trainSeconds = clock.Elapsed.TotalSeconds;
        var test = Evaluate();

        var metrics = Measured(epoch, train, test, learningRate, clock.Elapsed, trainSeconds)
            with { DropPathProbability = _network.DropPathProbability };
        return new EpochResult(metrics, null);
    }

    private void LoadInitialWeights(string path)
    {
        try
        {
            NetworkWeights.Load(_network, path);
        }
        catch (InvalidDataException e)
        {
            throw new InitialWeightsException(e.Message, e);
        }
    }

    /// <summary>Loss (without label smoothing, as reported), top-1 and top-5 on the whole test set.</summary>
    private RunningAverage Evaluate() =>
        Evaluate(images => _network.call(images).Logits, _data.Test, Enumerable.Range(0, _data.Test.Count).ToArray(), _spec.BatchSize, _augmenter);

    public override void Dispose()
    {
        _optimizer.Dispose();
        _network.Dispose();
        _dropPathDraws?.Dispose();
    }
}
