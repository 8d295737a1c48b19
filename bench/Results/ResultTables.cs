using System.Globalization;
using System.Text;
using PcDarts.Core.Contracts;
using PcDarts.Core.Studies;

namespace PcDarts.Bench.Results;

/// <summary>
/// The paper's Table 1 and Table 5 in miniature as Markdown, from finished studies: test error is 100 − the retrained
/// test top-1; search cost and peak are the searches' own (sum of epoch times, largest epoch peak of the runner process).
/// </summary>
internal static class ResultTables
{
    private const double Mib = 1 << 20;

    /// <summary>What a server older than the peak column sends for it: nothing.</summary>
    private static readonly MeanStd NoValues = MeanStd.Of([]);

    /// <summary>One row per searched configuration of <paramref name="studies"/>, then the random cells of all of them, then each searched row against random.</summary>
    public static string Table1(IReadOnlyList<StudyDto> studies)
    {
        var random = RandomMembers(studies);
        var randomTop1 = MeanStd.Of(random.Select(r => r.TestTop1));
        var text = new StringBuilder()
            .AppendLine("| Cells | Test error (%) | Parameters | Search cost (min) | Search peak (MiB) |")
            .AppendLine("|---|---|---|---|---|");
        var rows = Rows(studies).ToList();
        foreach (var (label, c) in rows)
            text.AppendLine($"| {label} | {Error(c.RetrainTop1)} | {c.Parameters.Format("0")} | {c.SearchSeconds.Scaled(1 / 60.0).Format("0.0")} | {(c.SearchPeakBytes ?? NoValues).Scaled(1 / Mib).Format("0")} |");
        if (random.Count > 0)
            text.AppendLine($"| random (same space, same retrain) | {Error(randomTop1)} | {MeanStd.Of(random.Select(r => (double?)r.Parameters)).Format("0")} | 0 | — |");
        if (random.Count == 0) return text.ToString();
        text.AppendLine()
            .AppendLine("| Searched − random, retrained test top-1 (points) | Difference | Welch 95 % interval |")
            .AppendLine("|---|---|---|");
        foreach (var (label, c) in rows)
        {
            var difference = c.RetrainTop1.Mean - randomTop1.Mean;
            var interval = WelchInterval.Of(c.RetrainTop1, randomTop1);
            text.AppendLine($"| {label} | {(difference is { } d ? d.ToString("+0.00;-0.00", CultureInfo.InvariantCulture) : "—")} | {interval?.Format() ?? "—"} |");
        }
        return text.ToString();
    }

    /// <summary>One row per configuration of each study (K × edge normalization in Table 5).</summary>
    public static string Table5(StudyDto study)
    {
        var text = new StringBuilder()
            .AppendLine("| K | Edge normalization | Search time (s) | Search peak (MiB) | Search top-1, arch. split (%) | Retrained test top-1 (%) |")
            .AppendLine("|---|---|---|---|---|---|");
        foreach (var member in study.Members.OrderBy(m => Spec(study, m).K).ThenByDescending(m => Spec(study, m).EdgeNormalization))
        {
            var spec = Spec(study, member);
            text.AppendLine($"| {spec.K} | {(spec.EdgeNormalization ? "on" : "off")} | {F(member.SearchSeconds, "0")} | {F(member.SearchPeakBytes / Mib, "0")} | {F(member.SearchTop1, "0.00")} | {F(member.RetrainTop1, "0.00")} |");
        }
        return text.ToString();
    }

    /// <summary>Every searched and random cell of <paramref name="studies"/>, one line each, so a reader can check the means.</summary>
    public static string Members(IReadOnlyList<StudyDto> studies)
    {
        var text = new StringBuilder()
            .AppendLine("| Cells | Seed | Search top-1 (%) | Retrained test top-1 (%) | Parameters | Search (s) | Genotype |")
            .AppendLine("|---|---|---|---|---|---|---|");
        foreach (var study in studies)
            foreach (var m in study.Members)
                text.AppendLine($"| {Label(Spec(study, m))} | {m.Seed} | {F(m.SearchTop1, "0.00")} | {F(m.RetrainTop1, "0.00")} | {m.Parameters} | {F(m.SearchSeconds, "0")} | `{m.Genotype}` |");
        foreach (var r in RandomMembers(studies))
            text.AppendLine($"| random | {r.Seed} | — | {F(r.TestTop1, "0.00")} | {r.Parameters} | — | `{r.Genotype}` |");
        return text.ToString();
    }

    public static IReadOnlyList<StudyRandomMemberDto> RandomMembers(IEnumerable<StudyDto> studies) => studies.SelectMany(s => s.RandomMembers).ToList();

    /// <summary>Each study's configurations, labelled by what Table 1 compares: K and edge normalization.</summary>
    public static IEnumerable<(string Label, StudyConfigurationDto Configuration)> Rows(IEnumerable<StudyDto> studies) =>
        studies.SelectMany(s => s.Configurations.Select(c => (Label(Spec(s, s.Members.First(m => m.Configuration == c.Configuration))), c)));

    public static string Label(Core.Specs.SearchSpec spec) =>
        (spec.K, spec.EdgeNormalization) switch
        {
            (1, false) => "DARTS, first order (K = 1, no edge normalization)",
            (var k, true) => $"PC-DARTS (K = {k}, edge normalization)",
            (var k, false) => $"K = {k}, no edge normalization",
        };

    /// <summary>The figure's column for a searched cell: "PC-DARTS K=4", "DARTS K=1", or K and edge normalization.</summary>
    public static string ShortLabel(StudyDto study, StudyMemberDto member) => Spec(study, member) switch
    {
        { K: 1, EdgeNormalization: false } => "DARTS (K=1)",
        { EdgeNormalization: true } spec => $"PC-DARTS (K={spec.K})",
        var spec => $"K={spec.K}, no EN",
    };

    /// <summary>A member's search spec: the study's grid point of the member's configuration and seed.</summary>
    private static Core.Specs.SearchSpec Spec(StudyDto study, StudyMemberDto member) =>
        StudyGrid.Expand(study.Search, study.Grid).Points.First(p => p.Configuration == member.Configuration && p.Spec.Seed == member.Seed).Spec;

    private static string Error(MeanStd top1) => (top1.Mean is null ? top1 : new MeanStd(100 - top1.Mean, top1.Std, top1.N)).Format();

    private static string F(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "—";
}
