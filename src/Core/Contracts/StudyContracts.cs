using System.Text.Json;
using PcDarts.Core.Specs;
using PcDarts.Core.Studies;

namespace PcDarts.Core.Contracts;

/// <summary>
/// A study to queue: one search per point of <paramref name="Grid"/> (search-spec field names to the values to try,
/// e.g. {"seed":[1,2],"k":[2,4]}) applied onto <paramref name="Search"/>, each followed by a retrain with
/// <paramref name="Retrain"/> when given (its seed is the member's), and by the random retrains <paramref name="Baselines"/> asks for.
/// </summary>
public sealed record CreateStudyRequest(
    string? Name, Dictionary<string, JsonElement[]>? Grid, SearchSpec? Search, RetrainSpec? Retrain = null, string[]? Tags = null,
    StudyBaselines? Baselines = null);

/// <summary>
/// What a study measures its searches against: <paramref name="Random"/> retrains of random genotypes (0 to
/// <see cref="SpecLimits.MaxRandomBaselines"/>, seeds by <see cref="RandomBaseline.Seeds"/>; needs the study's retrain spec).
/// </summary>
public sealed record StudyBaselines(int Random = 0);

/// <summary>
/// One search of a study and the retrain made from it. <paramref name="SearchTop1"/> is the final epoch's accuracy on
/// the architecture split; <paramref name="RetrainTop1"/> the retrain's final test top-1; <paramref name="Parameters"/>
/// the retrained network's (the search's while no retrain exists); <paramref name="SearchSeconds"/> the sum of the search's epoch times;
/// <paramref name="SearchPeakBytes"/> the search's largest epoch peak: the GPU's on CUDA, else the runner process's resident set
/// less what the process held before the search began plus a fresh standalone runner's share (<see cref="Estimates.HostBaseline"/>),
/// so that searches run after other jobs, or inside the API, compare with searches run alone.
/// </summary>
public sealed record StudyMemberDto(
    Guid SearchId, string Configuration, int Seed, string SearchStatus, double? SearchTop1, double? SearchSeconds, string? Genotype,
    Guid? RetrainId, string? RetrainStatus, double? RetrainTop1, long? Parameters, long? SearchPeakBytes = null);

/// <summary>The members of one grid point minus the seed, summed up (sample std, n = members with a value).</summary>
public sealed record StudyConfigurationDto(
    string Configuration, int Members, MeanStd SearchTop1, MeanStd RetrainTop1, MeanStd Parameters, MeanStd SearchSeconds,
    double? EdgeAgreement, string? RecurringGenotype, int RecurringCount, MeanStd SearchPeakBytes);

/// <summary>
/// One random-baseline retrain of a study: the genotype drawn with <paramref name="Seed"/>, its final test top-1 and parameters.
/// </summary>
public sealed record StudyRandomMemberDto(Guid Id, int Seed, string Status, string? Genotype, double? TestTop1, long? Parameters);

/// <summary>
/// One configuration's retrained test top-1 beside the random baseline's (the same random members for every
/// configuration): <paramref name="Difference"/> is searched minus random, <paramref name="Interval"/> its Welch 95 %
/// interval (null while either side has fewer than two values), <paramref name="SearchSeconds"/> the configuration's search cost.
/// </summary>
public sealed record StudyComparisonDto(
    string Configuration, MeanStd Searched, MeanStd Random, double? Difference, WelchInterval? Interval, MeanStd SearchSeconds)
{
    /// <summary>"+4.00" (searched above random) or "-1.25"; "—" while either side has no value.</summary>
    public string DifferenceText(string number = "0.00") =>
        Difference is { } d ? d.ToString("+" + number + ";-" + number + ";" + number, System.Globalization.CultureInfo.InvariantCulture) : "—";

    /// <summary>The 95 % interval as "[low, high]"; "—" while either side has fewer than two values.</summary>
    public string IntervalText(string number = "0.00") => Interval?.Format(number) ?? "—";
}

/// <summary>
/// A study as the page and the client show it. <paramref name="RandomMembers"/> and <paramref name="Comparisons"/> are
/// empty for a study without a random baseline.
/// </summary>
public sealed record StudyDto(
    Guid Id, string Name, string[] Tags, string Status, Dictionary<string, JsonElement[]> Grid, SearchSpec Search, RetrainSpec? Retrain,
    DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset? CancelRequestedAt,
    IReadOnlyList<StudyMemberDto> Members, IReadOnlyList<StudyConfigurationDto> Configurations, StudyMemberDto? Best,
    IReadOnlyList<StudyRandomMemberDto> RandomMembers, IReadOnlyList<StudyComparisonDto> Comparisons);

public sealed record StudySummaryDto(Guid Id, string Name, string Status, int Members, int FinishedMembers, DateTimeOffset CreatedAt, string? CreatedBy);
