using PcDarts.Core.Genotypes;
using PcDarts.Core.Metrics;

namespace PcDarts.Engine.Training;

/// <summary>One finished epoch: its metrics and, for a search, where the architecture stood after it.</summary>
public sealed record EpochResult(EpochMetrics Metrics, ArchitectureSnapshot? Architecture);

/// <summary>
/// α softmaxed per edge (edges × ops), β normalized over each node's incoming edges (null when edge
/// normalization is off), and the genotype derived from them after the epoch's updates.
/// </summary>
public sealed record ArchitectureSnapshot(
    float[][] AlphasNormal,
    float[][] AlphasReduce,
    float[]? BetasNormal,
    float[]? BetasReduce,
    Genotype Genotype);
