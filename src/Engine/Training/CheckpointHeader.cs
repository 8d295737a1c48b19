using PcDarts.Core.Genotypes;

namespace PcDarts.Engine.Training;

/// <summary>
/// The readable part of a checkpoint. Tensors (weights, optimizer moments) follow it in TorchSharp's binary format.
/// Random state is not stored: every draw of an epoch derives from the seed and the epoch (<see cref="EpochSeeds"/>).
/// </summary>
public sealed record CheckpointHeader
{
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;
    /// <summary>"search" or "retrain".</summary>
    public required string Kind { get; init; }
    /// <summary>Epochs finished; the run continues with epoch <c>EpochsDone + 1</c>.</summary>
    public required int EpochsDone { get; init; }
    /// <summary>The spec the run was started with, as JSON, to refuse resuming a different run.</summary>
    public required string Spec { get; init; }
    public required IReadOnlyList<EpochResult> History { get; init; }
    /// <summary>Raw (pre-softmax) α/β of a search, exact.</summary>
    public ArchitectureWeights? Architecture { get; init; }
}
