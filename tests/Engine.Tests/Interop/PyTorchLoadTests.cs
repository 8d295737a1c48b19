using System.Diagnostics;
using System.Text.Json;
using PcDarts.Core.Genotypes;
using PcDarts.Engine.Evaluation;
using PcDarts.Engine.Interop;

namespace PcDarts.Engine.Tests.Interop;

/// <summary>
/// The exported state_dict in real PyTorch: authors_network.py lays the network out as the authors' model.py does,
/// loads the file with strict=True and computes eval-mode logits, which must be ours. Runs where Debian's python3-torch
/// is installed and reports itself skipped, with the reason, where it is not.
/// </summary>
public class PyTorchLoadTests
{
    private const string Python = "/usr/bin/python3";

    private static readonly Lazy<bool> TorchInstalled = new(() => RunPython("-c", "import torch, numpy").ExitCode == 0);

    public static TheoryData<string> Shapes => ["cifar", "imagenet"];

    [SkippableTheory]
    [MemberData(nameof(Shapes))]
    public void The_authors_layout_loads_the_export_strictly_and_computes_our_logits(string shape)
    {
        Skip.IfNot(TorchInstalled.Value, $"{Python} cannot import torch and numpy (Debian: apt-get install python3-torch); the strict PyTorch load is not checked");
        using var folder = new TempDirectory();
        var options = shape == "cifar" ? InteropNetworks.Cifar : InteropNetworks.ImageNet;
        using var network = InteropNetworks.Create(options, seed: 1);
        using (var file = File.Create(folder.File("w.pt"))) NetworkWeights.SavePyTorch(network, file);
        File.WriteAllText(folder.File("spec.json"), Spec(options));
        var (_, images, imageShape) = InteropNetworks.Images(options, 3, seed: 7);
        NpyFile.WriteFloat32(folder.File("images.npy"), images, imageShape);

        var run = RunPython(Path.Combine(AppContext.BaseDirectory, "Interop", "authors_network.py"),
            folder.File("spec.json"), folder.File("w.pt"), folder.File("images.npy"), folder.File("logits.npy"));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(network.state_dict().Count, int.Parse(run.Output.Trim()));
        var (theirs, logitShape) = NpyFile.ReadFloat32(folder.File("logits.npy"));
        Assert.Equal([3L, options.Classes], logitShape);
        var ours = Prediction.Logits(network, images, imageShape);
        Assert.All(ours.Zip(theirs), pair => Assert.Equal(pair.First, pair.Second, 1e-4f));
    }

    private static string Spec(EvalNetworkOptions options)
    {
        object Cell(CellKind kind) => InteropNetworks.AllOperations.Edges(kind).Select(e => new object[] { e.Op, e.Input }).ToArray();
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["genotype"] = new Dictionary<string, object>
            {
                ["normal"] = Cell(CellKind.Normal), ["normal_concat"] = InteropNetworks.AllOperations.NormalConcat,
                ["reduce"] = Cell(CellKind.Reduce), ["reduce_concat"] = InteropNetworks.AllOperations.ReduceConcat,
            },
            ["network"] = options.Shape, ["channels"] = options.Channels, ["layers"] = options.Layers,
            ["classes"] = options.Classes, ["auxiliary"] = options.Auxiliary,
        });
    }

    private static (int ExitCode, string Output, string Error) RunPython(params string[] arguments)
    {
        if (!File.Exists(Python)) return (-1, "", $"no {Python}");
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["OMP_NUM_THREADS"] = "1";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}
