using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PcDarts.Core.Contracts;
using PcDarts.Web.Components.Charts;

namespace PcDarts.Bench.Results;

/// <summary>
/// Every cell's retrained test top-1, one dot each: a column per searched configuration and one for the random cells,
/// drawn by the dashboard's own <see cref="StripChart"/> (rendered to HTML outside any browser) and saved as its SVG.
/// </summary>
internal static class SearchedVsRandomFigure
{
    public const string RandomColumn = "random";

    public static async Task<string> RenderAsync(IReadOnlyList<StudyDto> studies, Func<StudyDto, StudyMemberDto, string> columnOf)
    {
        var points = studies.SelectMany(s => s.Members.Where(m => m.RetrainTop1 is not null)
                .Select(m => new StripChart.StripPoint(columnOf(s, m), m.RetrainTop1!.Value, "searched", $"{columnOf(s, m)}, seed {m.Seed}")))
            .Concat(ResultTables.RandomMembers(studies).Where(r => r.TestTop1 is not null)
                .Select(r => new StripChart.StripPoint(RandomColumn, r.TestTop1!.Value, "random", $"random genotype, seed {r.Seed}")))
            .ToList();
        await using var services = new ServiceCollection().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(StripChart.Title)] = "Retrained test top-1 on Fashion-MNIST, one dot per cell",
                [nameof(StripChart.YLabel)] = "top-1 %",
                [nameof(StripChart.YFormat)] = "0.0",
                [nameof(StripChart.Points)] = points,
                [nameof(StripChart.LegendInSvg)] = true,
            });
            return (await renderer.RenderComponentAsync<StripChart>(parameters)).ToHtmlString();
        });
        var start = html.IndexOf("<svg", StringComparison.Ordinal);
        var end = html.LastIndexOf("</svg>", StringComparison.Ordinal);
        if (start < 0 || end < 0) throw new InvalidOperationException("the chart drew no SVG: no study has a retrained cell yet");
        return html[start..(end + "</svg>".Length)] + "\n";
    }
}
