using System.Text.Json;
using PcDarts.Core.Genotypes;
using SkiaSharp;

namespace PcDarts.SearchRunner.Tests.Cli;

/// <summary>search, train and bench on a local image folder (train/ and val/, a folder per class), as a user runs them.</summary>
public class ImageFolderCommandTests
{
    private static readonly string[] Tiny =
        ["--batch-size", "8", "--channels", "4", "--layers", "3", "--epochs", "1", "--threads", "1"];

    [Fact]
    public void Search_and_train_run_on_an_image_folder_named_by_the_data_flags()
    {
        using var folder = new TempDirectory();
        var data = WriteTree(folder.Path);
        string[] source = ["--dataset", "shapes", "--data-format", "image-folder", "--data-dir", data];

        var search = PcDartsProcess.Run(["search", .. source, .. Tiny, "--nodes", "3", "--k", "2", "--warmup-epochs", "0",
            "--subset-fraction", "0.5", "--input-size", "16", "--out", Path.Combine(folder.Path, "search")]);
        Assert.True(search.ExitCode == 0, search.Stderr);
        Genotype.Parse(File.ReadAllText(Path.Combine(folder.Path, "search", "genotype.txt")));

        var train = PcDartsProcess.Run(["train", .. source, .. Tiny, "--genotype", "PC_DARTS_cifar", "--out", Path.Combine(folder.Path, "train")]);
        Assert.True(train.ExitCode == 0, train.Stderr);
        var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, "train", "summary.json"))).RootElement;
        Assert.Equal(1, summary.GetProperty("epochs").GetInt32());
    }

    [Fact]
    public void A_corrupt_image_stops_the_run_with_a_one_line_error_naming_the_file()
    {
        using var folder = new TempDirectory();
        var data = WriteTree(folder.Path);
        var corrupt = Path.Combine(data, "train", "circle", "zz-broken.png");
        File.WriteAllBytes(corrupt, [0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10, 0, 0]);

        var result = PcDartsProcess.Run(["train", "--dataset", "shapes", "--data-format", "image-folder", "--data-dir", data, .. Tiny,
            "--genotype", "PC_DARTS_cifar", "--out", Path.Combine(folder.Path, "train")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(corrupt, result.Stderr);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "train")), "nothing is written for a run that stopped in its first epoch");
    }

    [Fact]
    public void The_data_format_needs_a_data_dir_and_a_name_of_its_own()
    {
        using var folder = new TempDirectory();
        var noDir = PcDartsProcess.Run(["search", "--dataset", "shapes", "--data-format", "image-folder", "--out", Path.Combine(folder.Path, "a")]);
        Assert.Equal(2, noDir.ExitCode);
        Assert.Contains("--data-dir", noDir.Stderr);

        var builtIn = PcDartsProcess.Run(["search", "--dataset", "cifar10", "--data-format", "image-folder", "--data-dir", folder.Path,
            "--out", Path.Combine(folder.Path, "b")]);
        Assert.Equal(2, builtIn.ExitCode);
        Assert.Contains("--dataset", builtIn.Stderr);
    }

    [Fact]
    public void An_input_size_too_small_for_the_auxiliary_tower_is_refused_before_training_with_the_flag_named()
    {
        using var folder = new TempDirectory();
        var data = WriteTree(folder.Path);

        var result = PcDartsProcess.Run(["train", "--dataset", "shapes", "--data-format", "image-folder", "--data-dir", data, .. Tiny,
            "--input-size", "16", "--genotype", "PC_DARTS_cifar", "--out", Path.Combine(folder.Path, "train")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--auxiliary-weight", result.Stderr);
        Assert.Contains("16×16 inputs", result.Stderr);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "train")));
    }

    [Fact]
    public void Bench_data_reports_the_loader_images_per_second_per_core()
    {
        using var folder = new TempDirectory();
        var data = WriteTree(folder.Path);

        var result = PcDartsProcess.Run("bench", "--data", data, "--batch-size", "4", "--steps", "10", "--threads", "1", "--json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var row = JsonDocument.Parse(result.Stdout.Trim().Split('\n')[^1]).RootElement;
        Assert.True(row.GetProperty("imagesPerSecondPerWorker").GetDouble() > 0);
        Assert.Equal(10, row.GetProperty("batches").GetInt32());
    }

    /// <summary>Two classes (a filled square, a ring), six training and two test images each, PNG and JPEG.</summary>
    private static string WriteTree(string root)
    {
        var data = Path.Combine(root, "shapes");
        foreach (var (split, count) in new[] { ("train", 6), ("val", 2) })
        {
            foreach (var shape in new[] { "circle", "square" })
            {
                var classFolder = Directory.CreateDirectory(Path.Combine(data, split, shape)).FullName;
                for (var i = 0; i < count; i++)
                {
                    using var surface = SKSurface.Create(new SKImageInfo(40, 32));
                    surface.Canvas.Clear(new SKColor((byte)(20 * i), 90, 160));
                    using var paint = new SKPaint { Color = SKColors.Yellow, IsStroke = shape == "circle", StrokeWidth = 3 };
                    if (shape == "circle") surface.Canvas.DrawCircle(20, 16, 10, paint);
                    else surface.Canvas.DrawRect(10, 6, 20, 20, paint);
                    using var image = surface.Snapshot();
                    var jpeg = i % 2 == 1;
                    using var encoded = image.Encode(jpeg ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Png, 90);
                    File.WriteAllBytes(Path.Combine(classFolder, $"{i}.{(jpeg ? "jpg" : "png")}"), encoded.ToArray());
                }
            }
        }
        return data;
    }
}
