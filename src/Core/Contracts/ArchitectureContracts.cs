namespace PcDarts.Core.Contracts;

/// <summary>
/// One distinct genotype the platform's searches found (normal-form DARTS text): how many succeeded searches found it,
/// their best architecture-split accuracy and mean compute (the search cost), and the best retrain of it with that
/// retrain's size. <paramref name="Datasets"/> are the searches' data sets.
/// </summary>
public sealed record ArchitectureDto(
    string Genotype,
    int Searches,
    IReadOnlyList<Guid> SearchIds,
    IReadOnlyList<string> Datasets,
    double? BestSearchTop1,
    double MeanSearchSeconds,
    int Retrains,
    double? BestRetrainTop1,
    Guid? BestRetrainId,
    long? Parameters,
    long? MultiplyAdds);

/// <summary>The architectures, best retrained first (then most often found), <paramref name="Offset"/> skipped of <paramref name="Total"/>.</summary>
public sealed record ArchitecturePage(IReadOnlyList<ArchitectureDto> Items, int Offset, int Limit, int Total);
