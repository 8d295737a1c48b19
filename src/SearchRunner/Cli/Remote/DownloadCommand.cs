using System.Globalization;
using System.Text;
using PcDarts.Core.Metrics;
using PcDarts.Engine.Training;

namespace PcDarts.SearchRunner.Cli.Remote;

/// <summary>`pcdarts download ID`: what an experiment produced, into a file.</summary>
internal static class DownloadCommand
{
    public const string Usage = """
        pcdarts download ID --server URL --what genotype|weights|metrics [--format F] --out FILE

          --what genotype       --format darts (default; drops into the authors' genotypes.py), json or svg
          --what weights        the final weights (TorchSharp format)
          --what metrics        --format json (default) or csv: one row per finished epoch
          --out FILE            where to write ('-' for stdout)
          --server URL          the PcDarts API (default: $PCDARTS_SERVER)
        """;

    private static readonly Dictionary<string, string[]> Formats = new()
    {
        ["genotype"] = ["darts", "json", "svg"],
        ["weights"] = ["bin"],
        ["metrics"] = ["json", "csv"],
    };

    public static int Run(IReadOnlyList<string> rawArgs)
    {
        var args = new CommandArguments("download", rawArgs, ["--server", "--what", "--format", "--out"], []);
        var id = ServerArgument.ExperimentId(args, "pcdarts download ID --server URL --what genotype|weights|metrics --out FILE");
        var what = args.RequiredText("--what");
        if (!Formats.TryGetValue(what, out var formats))
            throw new CliUsageException($"--what: expected genotype, weights or metrics, got '{what}'");
        var format = args.Text("--format") ?? formats[0];
        if (!formats.Contains(format))
            throw new CliUsageException($"--format: {what} comes as {string.Join(", ", formats)}, not '{format}'");
        var output = args.RequiredText("--out");
        var server = ServerArgument.Resolve(args);

        using var api = ExperimentsClient.For(server);
        var bytes = what switch
        {
            "genotype" => Get(api, $"api/experiments/{id}/genotype?format={format}"),
            "weights" => Get(api, $"api/experiments/{id}/weights"),
            _ => Get(api, $"api/experiments/{id}/metrics?format={format}"),
        };
        if (output == "-")
        {
            using var stdout = Console.OpenStandardOutput();
            stdout.Write(bytes);
        }
        else
        {
            AtomicFile.WriteAllBytes(output, bytes);
            Console.Error.WriteLine($"{what} of {id} written to {output} ({bytes.Length} bytes)");
        }
        return ExitCodes.Succeeded;
    }

    private static byte[] Get(ExperimentsClient api, string path) => api.GetBytesAsync(path, CancellationToken.None).GetAwaiter().GetResult();
}
