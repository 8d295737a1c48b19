using PcDarts.Core.Contracts;
using PcDarts.Core.Genotypes;

namespace PcDarts.Core.Studies;

/// <summary>
/// A study's arithmetic: per configuration (grid point minus seed) the mean ± std of its members' search accuracy,
/// retrained test top-1, parameters, search cost and search peak memory, the edge agreement of their genotypes and the recurring ones; the
/// best of the study; and the study's status from its members'. Pure: the API and the dashboard feed it the members.
/// </summary>
public static class StudyAggregation
{
    public static IReadOnlyList<StudyConfigurationDto> Configurations(IEnumerable<StudyMemberDto> members) =>
        members.GroupBy(m => m.Configuration).Select(Configuration).ToList();

    public static StudyConfigurationDto Configuration(IGrouping<string, StudyMemberDto> group)
    {
        var members = group.ToList();
        var genotypes = members.Where(m => m.SearchStatus == ExperimentStatuses.Succeeded && m.Genotype is not null)
            .Select(m => Genotype.Parse(m.Genotype!)).ToList();
        var recurring = EdgeAgreement.Recurring(genotypes).FirstOrDefault();
        return new StudyConfigurationDto(
            group.Key,
            members.Count,
            MeanStd.Of(members.Select(m => m.SearchTop1)),
            MeanStd.Of(members.Select(m => m.RetrainTop1)),
            MeanStd.Of(members.Select(m => (double?)m.Parameters)),
            MeanStd.Of(members.Select(m => m.SearchSeconds)),
            EdgeAgreement.Of(genotypes),
            recurring.Genotype?.ToDartsText(),
            recurring.Count,
            MeanStd.Of(members.Select(m => (double?)m.SearchPeakBytes)));
    }

    /// <summary>
    /// Per configuration, its retrained test top-1 beside the random members' (one sample shared by every
    /// configuration), their difference and its Welch interval; empty without random members.
    /// </summary>
    public static IReadOnlyList<StudyComparisonDto> Comparisons(IEnumerable<StudyConfigurationDto> configurations, IReadOnlyList<StudyRandomMemberDto> random)
    {
        if (random.Count == 0) return [];
        var baseline = MeanStd.Of(random.Select(r => r.TestTop1));
        return configurations.Select(c => new StudyComparisonDto(
            c.Configuration, c.RetrainTop1, baseline, c.RetrainTop1.Mean - baseline.Mean, WelchInterval.Of(c.RetrainTop1, baseline), c.SearchSeconds)).ToList();
    }

    /// <summary>The member with the highest retrained accuracy; with no retrain finished, the highest search accuracy.</summary>
    public static StudyMemberDto? Best(IEnumerable<StudyMemberDto> members)
    {
        var list = members.ToList();
        return list.Where(m => m.RetrainTop1 is not null).MaxBy(m => m.RetrainTop1)
            ?? list.Where(m => m.SearchTop1 is not null && m.Genotype is not null).MaxBy(m => m.SearchTop1);
    }

    /// <summary>
    /// Running while a member is active or a succeeded search still waits for its retrain; queued while nothing has
    /// started; once nothing will happen: cancelled (a cancel was asked), succeeded (every member did), else failed.
    /// The random baseline's retrains (<paramref name="random"/>, their statuses) count as members.
    /// </summary>
    public static string Status(IReadOnlyList<StudyMemberDto> members, bool retrains, bool cancelRequested, IReadOnlyList<string>? random = null)
    {
        random ??= [];
        var statuses = members.SelectMany(m => m.RetrainStatus is null ? [m.SearchStatus] : new[] { m.SearchStatus, m.RetrainStatus })
            .Concat(random).ToList();
        var waitingForRetrain = retrains && !cancelRequested && members.Any(m => m.SearchStatus == ExperimentStatuses.Succeeded && m.RetrainStatus is null);
        if (statuses.Any(ExperimentStatuses.IsActive) || waitingForRetrain)
            return statuses.All(s => s == ExperimentStatuses.Queued) ? ExperimentStatuses.Queued : ExperimentStatuses.Running;
        if (cancelRequested) return ExperimentStatuses.Cancelled;
        var complete = members.All(m => m.SearchStatus == ExperimentStatuses.Succeeded && (!retrains || m.RetrainStatus == ExperimentStatuses.Succeeded))
            && random.All(s => s == ExperimentStatuses.Succeeded);
        return complete ? ExperimentStatuses.Succeeded : ExperimentStatuses.Failed;
    }
}
