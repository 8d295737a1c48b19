using System.CommandLine;
using PcDarts.Cli.CommandLine;
using PcDarts.Cli.Remote;

namespace PcDarts.Cli.Commands;

/// <summary>`pcdarts export ID --out exp.tar.gz` and `pcdarts import exp.tar.gz`: an experiment out of one platform and into another.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var id = ServerOption.ExperimentId();
        var remote = new RemoteOptions();
        var output = CliOption.Text("--out", "the archive to write (tar.gz)", "FILE");
        output.Required = true;
        var command = new Command("export",
            "save a finished experiment as a tar.gz: spec, metrics, α/β history, genotype, log, weights, lineage ('pcdarts import' reads it)") { id, output };
        remote.AddTo(command);
        command.SetAction(r =>
        {
            using var api = remote.Connect(r, "pcdarts export");
            var path = r.GetValue(output)!;
            // Written beside the target and moved into place, so a failed export leaves no half archive.
            var partial = path + ".partial";
            try
            {
                using (var file = File.Create(partial)) api.ExportAsync(r.GetValue(id), file, CancellationToken.None).GetAwaiter().GetResult();
                File.Move(partial, path, overwrite: true);
            }
            finally
            {
                File.Delete(partial);
            }
            Console.Error.WriteLine($"experiment {r.GetValue(id)} exported to {path} ({new FileInfo(path).Length} bytes)");
            return ExitCodes.Succeeded;
        });
        return command;
    }

    public static Command CreateImport()
    {
        var archive = new Argument<string>("ARCHIVE") { Description = "a tar.gz written by 'pcdarts export'" };
        var remote = new RemoteOptions();
        var command = new Command("import",
            "add an exported experiment to this platform (a member or an admin): it gets a new id, keeps its data and is marked imported; prints the new id") { archive };
        remote.AddTo(command);
        command.SetAction(r =>
        {
            var path = r.GetValue(archive)!;
            if (!File.Exists(path)) throw new CliUsageException($"ARCHIVE: no file '{path}'");
            using var api = remote.Connect(r, "pcdarts import");
            using var file = File.OpenRead(path);
            var experiment = api.ImportAsync(file, CancellationToken.None).GetAwaiter().GetResult();
            Console.Out.WriteLine(experiment.Id);
            Console.Error.WriteLine($"imported {experiment.Kind} '{experiment.Name}' ({experiment.Status}, {experiment.EpochsCompleted} epochs) from {experiment.ImportedFromId} as {experiment.Id}");
            return ExitCodes.Succeeded;
        });
        return command;
    }
}
