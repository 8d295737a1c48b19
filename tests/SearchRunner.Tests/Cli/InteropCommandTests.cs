using PcDarts.Core.Genotypes;
using PcDarts.Engine.Evaluation;
using PcDarts.Engine.Interop;
using TorchSharp;

namespace PcDarts.SearchRunner.Tests.Cli;

/// <summary>`export`, `predict` and `train --init-weights`: a trained network's weights out to PyTorch's format and back.</summary>
public class InteropCommandTests
{
    [Fact]
    public void Exported_weights_predict_the_same_logits_and_start_a_new_training_where_the_old_one_ended()
    {
        using var folder = new TempDirectory();
        string File(string name) => Path.Combine(folder.Path, name);
        System.IO.File.WriteAllText(File("cell.txt"), PublishedGenotypes.PC_DARTS_cifar.ToDartsText());
        string[] small = ["--dataset", "synthetic", "--subset", "64", "--batch-size", "32", "--channels", "4", "--layers", "3", "--epochs", "1", "--threads", "1"];
        var trained = PcDartsProcess.Run(["train", "--genotype", File("cell.txt"), .. small, "--out", File("first")]);
        Assert.True(trained.ExitCode == 0, trained.Stderr);
        var weights = Path.Combine(File("first"), "weights");
        var images = torch.randn([5, 3, 32, 32], generator: new torch.Generator(3)).data<float>().ToArray();
        NpyFile.WriteFloat32(File("images.npy"), images, [5, 3, 32, 32]);

        // The genotype comes from the run's summary.json, the network's size from the weights themselves.
        var ours = PcDartsProcess.Run("predict", "--weights", weights, "--images", File("images.npy"), "--out", File("ours.npy"));
        var export = PcDartsProcess.Run("export", "--weights", weights, "--format", "pytorch", "--out", File("model.pt"));
        var theirs = PcDartsProcess.Run("predict", "--genotype", File("cell.txt"), "--network", "cifar", "--channels", "4", "--layers", "3",
            "--classes", "10", "--auxiliary", "--weights", File("model.pt"), "--images", File("images.npy"), "--out", File("theirs.npy"));

        Assert.True(ours.ExitCode == 0, ours.Stderr);
        Assert.True(export.ExitCode == 0, export.Stderr);
        Assert.True(theirs.ExitCode == 0, theirs.Stderr);
        Assert.True(NetworkWeights.IsPyTorch(File("model.pt")));
        var (logits, shape) = NpyFile.ReadFloat32(File("ours.npy"));
        Assert.Equal([5L, 10L], shape);
        Assert.Equal(logits, NpyFile.ReadFloat32(File("theirs.npy")).Values);

        // A learning rate of 1e-9 barely moves the weights: the second training's result is the first one's weights.
        var continued = PcDartsProcess.Run(["train", "--genotype", File("cell.txt"), .. small, "--lr", "1e-9",
            "--init-weights", File("model.pt"), "--out", File("second")]);
        Assert.True(continued.ExitCode == 0, continued.Stderr);
        using var first = Load(weights);
        using var second = Load(Path.Combine(File("second"), "weights"));
        Assert.All(first.parameters().Zip(second.parameters()), pair => Assert.True(pair.First.allclose(pair.Second, rtol: 0, atol: 1e-5)));
    }

    [Fact]
    public void Bad_inputs_are_named_by_their_flag()
    {
        using var folder = new TempDirectory();
        string File(string name) => Path.Combine(folder.Path, name);
        System.IO.File.WriteAllText(File("weights"), "not weights");
        System.IO.File.WriteAllBytes(File("bad.npy"), [1, 2, 3]);

        var noGenotype = PcDartsProcess.Run("export", "--weights", File("weights"), "--out", File("x.pt"));
        var badWeights = PcDartsProcess.Run("export", "--weights", File("weights"), "--genotype", "DARTS_V2", "--out", File("x.pt"));
        var badImages = PcDartsProcess.Run("predict", "--weights", File("weights"), "--genotype", "DARTS_V2", "--images", File("bad.npy"), "--out", File("l.npy"));
        var noInit = PcDartsProcess.Run("train", "--genotype", "DARTS_V2", "--dataset", "synthetic", "--init-weights", File("none.pt"), "--out", File("run"));

        Assert.Equal((2, true), (noGenotype.ExitCode, noGenotype.Stderr.Contains("--genotype: needed, as no summary.json")));
        Assert.Equal((2, true), (badWeights.ExitCode, badWeights.Stderr.Contains("--weights:")));
        Assert.Equal((2, true), (badImages.ExitCode, badImages.Stderr.Contains("--images:") && badImages.Stderr.Contains("not a NumPy .npy file")));
        Assert.Equal((2, true), (noInit.ExitCode, noInit.Stderr.Contains("--init-weights: no file")));
        Assert.False(System.IO.File.Exists(File("x.pt")));
        Assert.False(System.IO.File.Exists(File("l.npy")));
    }

    private static EvalNetwork Load(string path)
    {
        var network = EvalNetwork.Create(WeightShapes.Describe(path), PublishedGenotypes.PC_DARTS_cifar, torch.CPU);
        NetworkWeights.Load(network, path);
        return network;
    }
}
