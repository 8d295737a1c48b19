namespace PcDarts.Persistence.Entities;

/// <summary>
/// The architecture a search held after one epoch: softmaxed α (edges × ops), node-normalized β (null without
/// edge normalization), and the genotype derived from them in DARTS text.
/// </summary>
public sealed class EpochArchitecture
{
    public Guid ExperimentId { get; set; }
    public int Epoch { get; set; }
    public required float[][] AlphasNormal { get; set; }
    public required float[][] AlphasReduce { get; set; }
    public float[]? BetasNormal { get; set; }
    public float[]? BetasReduce { get; set; }
    public required string Genotype { get; set; }
}
