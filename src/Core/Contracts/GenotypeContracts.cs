using PcDarts.Core.Genotypes;

namespace PcDarts.Core.Contracts;

/// <summary>A genotype in both text forms.</summary>
public sealed record GenotypeDto(string? Name, string Darts, Genotype Json);

/// <summary>Raw (pre-softmax) α/β, as the CLI's `derive --arch` file; β may be omitted when <paramref name="EdgeNormalization"/> is false.</summary>
public sealed record DeriveRequest(float[][]? AlphasNormal, float[][]? AlphasReduce, float[]? BetasNormal, float[]? BetasReduce, bool EdgeNormalization = true);

public sealed record CompareEntryDto(
    Guid Id, string Name, string Kind, string Status, long? Parameters, long? MultiplyAdds, double? BestValidTop1,
    int Epochs, double SearchSeconds, string? Genotype);

public sealed record EdgeDiffDto(string Cell, int Node, int Slot, string? OpA, int? InputA, string? OpB, int? InputB, bool Same);

/// <summary>Each experiment's numbers, and the genotype of every later one compared edge by edge with the first.</summary>
public sealed record CompareDto(IReadOnlyList<CompareEntryDto> Experiments, IReadOnlyList<GenotypeDiffDto> Diffs);

public sealed record GenotypeDiffDto(Guid A, Guid B, int Changed, IReadOnlyList<EdgeDiffDto> Edges);
