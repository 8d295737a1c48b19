using PcDarts.Core.Genotypes;
using PcDarts.Core.Specs;
using PcDarts.Engine.Evaluation;
using PcDarts.Engine.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace PcDarts.Engine.Benchmarks;

/// <summary>One retrain step benchmark: PC_DARTS_cifar at the paper's evaluation size by default.</summary>
/// <param name="Genotype">A published name (<see cref="PublishedGenotypes.Names"/>) or DARTS text.</param>
public sealed record RetrainStepBenchmarkOptions(
    string Genotype = "PC_DARTS_cifar", int BatchSize = 96, int Steps = 10, int WarmupSteps = 2, int Channels = 36,
    int Layers = 20, double DropPath = 0.3, double AuxiliaryWeight = 0.4, IReadOnlyList<int>? ResidentAtSteps = null);

/// <summary>
/// Times retrain steps as the retrain loop runs them: forward with drop-path and the auxiliary tower, loss plus
/// the weighted auxiliary loss, backward, gradient clipping, SGD with momentum and weight decay.
/// </summary>
public static class RetrainStepBenchmark
{
    public static StepBenchmarkResult Run(RetrainStepBenchmarkOptions options, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        device ??= ComputeDevice.Select();
        torch.manual_seed(0);
        var genotype = PublishedGenotypes.TryGet(options.Genotype, out var published) ? published : Genotype.Parse(options.Genotype);
        var spec = RetrainPresets.Cifar10;
        using var network = EvalNetwork.Create(new EvalNetworkOptions(NetworkShapes.Cifar, options.Channels, options.Layers,
            Classes: 10, InputChannels: 3, Auxiliary: options.AuxiliaryWeight > 0), genotype, device);
        network.DropPathProbability = options.DropPath;
        var weights = network.parameters().ToArray();
        using var sgd = TrainingOptimizers.RetrainWeights(spec, weights);
        network.train();
        return StepLoop.Run(() =>
            {
                var images = torch.randn(options.BatchSize, 3, 32, 32, device: device);
                var labels = torch.randint(0, 10, [options.BatchSize], dtype: int64, device: device);
                sgd.zero_grad();
                var (logits, auxiliary) = network.call(images);
                var loss = nn.functional.cross_entropy(logits, labels);
                if (auxiliary is not null) loss = loss + options.AuxiliaryWeight * nn.functional.cross_entropy(auxiliary, labels);
                loss.backward();
                nn.utils.clip_grad_norm_(weights, spec.GradClip);
                sgd.step();
            },
            device, options.WarmupSteps, options.Steps, options.BatchSize, weights.Sum(p => p.numel()), options.ResidentAtSteps ?? []);
    }
}
