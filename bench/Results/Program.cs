using PcDarts.Bench.Results;

// Prints the paper's Table 1 and Table 5 in miniature as Markdown from finished studies on a PcDarts server, and saves
// the searched-vs-random figure as SVG. bench/studies/README.md has the command that runs the studies and this.
//   dotnet run --project bench/Results -- --server URL --table1 ID[,ID…] --table5 ID --figure FILE.svg   (token: $PCDARTS_TOKEN)
var options = Arguments.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: --server URL --table1 STUDY_ID[,STUDY_ID…] [--table5 STUDY_ID] [--figure FILE.svg] [--token TOKEN, else $PCDARTS_TOKEN]");
    return 2;
}
using var source = new StudySource(options.Server, options.Token);
var table1 = new List<PcDarts.Core.Contracts.StudyDto>();
foreach (var id in options.Table1) table1.Add(await source.GetAsync(id));
Console.WriteLine("## Table 1 in miniature\n");
Console.WriteLine(ResultTables.Table1(table1));
Console.WriteLine("### Every cell\n");
Console.WriteLine(ResultTables.Members(table1));
if (options.Table5 is { } table5Id)
{
    Console.WriteLine("## Table 5 in miniature\n");
    Console.WriteLine(ResultTables.Table5(await source.GetAsync(table5Id)));
}
if (options.Figure is { } figure)
{
    var svg = await SearchedVsRandomFigure.RenderAsync(table1, (study, member) => ResultTables.ShortLabel(study, member));
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(figure))!);
    await File.WriteAllTextAsync(figure, svg);
    Console.Error.WriteLine($"figure: {figure}");
}
return 0;
