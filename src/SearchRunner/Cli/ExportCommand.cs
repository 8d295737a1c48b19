using System.CommandLine;
using PcDarts.Cli.CommandLine;
using PcDarts.Core.Contracts;
using PcDarts.Core.Files;
using PcDarts.Engine.Interop;

namespace PcDarts.SearchRunner.Cli;

/// <summary>`pcdarts-runner export`: an evaluation network's weights as a PyTorch state_dict under the authors' model.py names, or back.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var network = new NetworkArguments();
        var format = CliOption.OneOf("--format", "pytorch: a state_dict the authors' NetworkCIFAR/NetworkImageNet load strictly (default); pcdarts: this engine's own format", WeightFormats.All);
        var output = CliOption.Text("--out", "the file to write", "FILE");
        output.Required = true;
        var command = new Command("export", "convert an evaluation network's weights to a PyTorch state_dict (the authors' key names) or back") { format, output };
        network.AddTo(command);
        command.SetAction(r =>
        {
            using var loaded = network.Load(r);
            using var buffer = new MemoryStream();
            if ((r.GetValue(format) ?? WeightFormats.PyTorch) == WeightFormats.PyTorch) NetworkWeights.SavePyTorch(loaded, buffer);
            else loaded.save(buffer);
            var path = r.GetValue(output)!;
            AtomicFile.WriteAllBytes(path, buffer.ToArray());
            Console.Out.WriteLine($"wrote {path}: {loaded.state_dict().Count} tensors ({loaded.Options.Shape}, C = {loaded.Options.Channels}, {loaded.Options.Layers} cells, {loaded.Options.Classes} classes{(loaded.Options.Auxiliary ? ", auxiliary tower" : "")})");
            return 0;
        });
        return command;
    }
}
