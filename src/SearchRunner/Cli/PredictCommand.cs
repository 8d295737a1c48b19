using System.CommandLine;
using PcDarts.Cli.CommandLine;
using PcDarts.Core.Files;
using PcDarts.Engine.Interop;

namespace PcDarts.SearchRunner.Cli;

/// <summary>`pcdarts-runner predict`: eval-mode logits of an evaluation network for images given as a NumPy array.</summary>
internal static class PredictCommand
{
    public static Command Create()
    {
        var network = new NetworkArguments();
        var images = CliOption.Text("--images", "N×C×H×W float32 NumPy array (.npy), normalised as in training", "FILE.npy");
        images.Required = true;
        var output = CliOption.Text("--out", "where to write the N×classes float32 logits (.npy)", "FILE.npy");
        output.Required = true;
        var command = new Command("predict", "run an evaluation network in eval mode on a NumPy array of images and write the logits as a NumPy array") { images, output };
        network.AddTo(command);
        command.SetAction(r =>
        {
            var imagesPath = r.GetValue(images)!;
            if (!File.Exists(imagesPath)) throw new CliUsageException($"--images: no file '{imagesPath}'");
            float[] values;
            long[] shape;
            try
            {
                (values, shape) = NpyFile.ReadFloat32(imagesPath);
            }
            catch (InvalidDataException e)
            {
                throw new CliUsageException($"--images: {e.Message}");
            }
            using var loaded = network.Load(r);
            float[] logits;
            try
            {
                logits = Prediction.Logits(loaded, values, shape);
            }
            catch (ArgumentException e)
            {
                throw new CliUsageException($"--images: {e.Message}");
            }
            var path = r.GetValue(output)!;
            AtomicFile.WriteAllBytes(path, NpyFile.Float32Bytes(logits, [shape[0], loaded.Options.Classes]));
            Console.Out.WriteLine($"wrote {path}: {shape[0]} × {loaded.Options.Classes} logits");
            return 0;
        });
        return command;
    }
}
