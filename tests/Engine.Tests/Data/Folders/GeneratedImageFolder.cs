using PcDarts.Core.Specs;
using SkiaSharp;

namespace PcDarts.Engine.Tests.Data.Folders;

/// <summary>
/// A small image-folder data set written to a temporary folder: train/ and val/ with one folder per class, every image a
/// 32×32 picture whose colour and stripe direction tell its class; PNG and JPEG files alternate.
/// </summary>
internal sealed class GeneratedImageFolder : IDisposable
{
    public static readonly string[] ClassNames = ["ants", "bees", "wasps"];
    private readonly TempDirectory _folder = new();

    public GeneratedImageFolder(int trainPerClass = 8, int valPerClass = 4, int size = 32)
    {
        for (var c = 0; c < ClassNames.Length; c++)
        {
            Write("train", c, trainPerClass, size);
            Write("val", c, valPerClass, size);
        }
    }

    public string Path => _folder.Path;

    public DatasetSource Source(int imageSize = 32) => new("bugs", DatasetFormats.ImageFolder, Path, imageSize, ClassNames.Length);

    public string ClassFolder(string split, int label) => System.IO.Path.Combine(Path, split, ClassNames[label]);

    private void Write(string split, int label, int count, int size)
    {
        var folder = ClassFolder(split, label);
        Directory.CreateDirectory(folder);
        for (var i = 0; i < count; i++)
        {
            var png = i % 2 == 0;
            using var bitmap = new SKBitmap(size + i, size);
            for (var y = 0; y < bitmap.Height; y++)
            {
                for (var x = 0; x < bitmap.Width; x++)
                {
                    var stripe = (label == 1 ? x : y) / 4 % 2 == 0;
                    var level = (byte)(stripe ? 200 : 40 + 10 * i);
                    bitmap.SetPixel(x, y, label switch
                    {
                        0 => new SKColor(level, 30, 30),
                        1 => new SKColor(30, level, 30),
                        _ => new SKColor(30, 30, level),
                    });
                }
            }
            using var image = SKImage.FromBitmap(bitmap);
            using var data = image.Encode(png ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg, 90);
            File.WriteAllBytes(System.IO.Path.Combine(folder, $"{split}_{i:D3}.{(png ? "png" : "jpg")}"), data.ToArray());
        }
    }

    public void Dispose() => _folder.Dispose();
}
