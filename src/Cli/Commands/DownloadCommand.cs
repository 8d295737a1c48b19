using System.CommandLine;
using PcDarts.Cli.CommandLine;
using PcDarts.Cli.Remote;
using PcDarts.Core.Contracts;
using PcDarts.Core.Files;

namespace PcDarts.Cli.Commands;

/// <summary>`pcdarts download ID`: what an experiment produced, into a file.</summary>
internal static class DownloadCommand
{
    private static readonly Dictionary<string, string[]> Formats = new()
    {
        ["genotype"] = ["darts", "json", "svg"],
        ["weights"] = [.. WeightFormats.All],
        ["metrics"] = ["json", "csv"],
    };

    public static Command Create()
    {
        var id = ServerOption.ExperimentId();
        var remote = new RemoteOptions();
        var what = CliOption.OneOf("--what", "genotype, the final weights or the metrics (one row per finished epoch)", [.. Formats.Keys]);
        what.Required = true;
        var format = CliOption.Text("--format", "genotype: darts (default; drops into the authors' genotypes.py), json or svg; weights: pcdarts (default, TorchSharp) or pytorch (a retrain's state_dict for the authors' model.py); metrics: json (default) or csv", "F");
        var output = CliOption.Text("--out", "where to write ('-' for stdout)", "FILE");
        output.Required = true;
        var command = new Command("download", "download an experiment's genotype, weights or metrics") { id, what, format, output };
        remote.AddTo(command);
        command.SetAction(r => Run(r.GetValue(id), RemoteOptions.Resolve(r.GetValue(remote.Server), r.GetValue(remote.Token), "pcdarts download"),
            r.GetValue(what)!, r.GetValue(format), r.GetValue(output)!));
        return command;
    }

    private static int Run(Guid id, Connection server, string what, string? format, string output)
    {
        var formats = Formats[what];
        format ??= formats[0];
        if (!formats.Contains(format))
            throw new CliUsageException($"--format: {what} comes as {string.Join(", ", formats)}, not '{format}'");

        using var api = ExperimentsClient.For(server);
        var bytes = what switch
        {
            "genotype" => Get(api, $"api/experiments/{id}/genotype?format={format}"),
            "weights" => Get(api, $"api/experiments/{id}/weights?format={format}"),
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
