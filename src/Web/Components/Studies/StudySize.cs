using PcDarts.Core.Specs;
using PcDarts.Core.Studies;

namespace PcDarts.Web.Components.Studies;

/// <summary>How many experiments a study's grid makes, said before it is queued: "2 × 2 = 4 searches, 4 retrains".</summary>
public static class StudySize
{
    /// <summary>The searches the rows expand to, counted as the API counts them (<see cref="StudyGrid.MemberCount"/>).</summary>
    public static long Searches(IReadOnlyList<GridRow> rows) => StudyGrid.MemberCount(Counts(rows));

    public static bool OverLimit(IReadOnlyList<GridRow> rows) => Searches(rows) > SpecLimits.MaxStudyMembers;

    public static string Describe(IReadOnlyList<GridRow> rows, bool retrained)
    {
        var counts = Counts(rows).ToList();
        var product = counts.Count > 1 ? string.Join(" × ", counts) + " = " : "";
        if (OverLimit(rows)) return $"{product}more than {SpecLimits.MaxStudyMembers} searches: over the limit of {SpecLimits.MaxStudyMembers} for one study";
        var n = Searches(rows);
        return $"{product}{Plural(n, "search", "searches")}" + (retrained ? $", {Plural(n, "retrain", "retrains")}" : "")
            + $" (at most {SpecLimits.MaxStudyMembers} searches per study)";
    }

    private static IEnumerable<int> Counts(IEnumerable<GridRow> rows) => rows.GroupBy(r => r.Key).Select(g => g.Sum(r => r.Parse().Length));

    private static string Plural(long n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
}
