using System.Globalization;

namespace PcDarts.Bench.Chaos;

/// <summary>The printed result: one row per disturbed search beside its undisturbed twin, and a totals line.</summary>
internal static class ReportTable
{
    public static void Print(IReadOnlyList<SearchOutcome> reference, IReadOnlyList<SearchOutcome> disturbed)
    {
        Console.WriteLine("| search | status | epochs lost | epochs duplicated | overlapping attempts | genotype = undisturbed | longest stall s (undisturbed) | attempts (interrupted) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        for (var i = 0; i < disturbed.Count; i++)
        {
            var (d, r) = (disturbed[i], reference[i]);
            Console.WriteLine(Row(d.Name, d.Status, d.EpochsLost.ToString(CultureInfo.InvariantCulture),
                d.DuplicateRows.ToString(CultureInfo.InvariantCulture), d.OverlappingAttempts.ToString(CultureInfo.InvariantCulture),
                SameGenotype(d, r) ? "yes" : "no", $"{Seconds(d.LongestStall)} ({Seconds(r.LongestStall)})", $"{d.Attempts} ({d.Interrupted})"));
        }
        Console.WriteLine(Row("total",
            $"{disturbed.Count(d => d.Status == "succeeded")}/{disturbed.Count} succeeded",
            disturbed.Sum(d => d.EpochsLost).ToString(CultureInfo.InvariantCulture),
            disturbed.Sum(d => d.DuplicateRows).ToString(CultureInfo.InvariantCulture),
            disturbed.Sum(d => d.OverlappingAttempts).ToString(CultureInfo.InvariantCulture),
            $"{disturbed.Where((d, i) => SameGenotype(d, reference[i])).Count()}/{disturbed.Count}",
            $"max {Seconds(disturbed.Max(d => d.LongestStall))} ({Seconds(reference.Max(r => r.LongestStall))})",
            $"{disturbed.Sum(d => d.Attempts)} ({disturbed.Sum(d => d.Interrupted)})"));
    }

    private static bool SameGenotype(SearchOutcome disturbed, SearchOutcome reference) =>
        disturbed.Genotype is not null && disturbed.Genotype == reference.Genotype;

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);

    private static string Row(params string[] cells) => $"| {string.Join(" | ", cells)} |";
}
