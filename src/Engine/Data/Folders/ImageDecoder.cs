using PcDarts.Core.Randomness;
using SkiaSharp;

namespace PcDarts.Engine.Data.Folders;

/// <summary>
/// Decodes one JPEG or PNG file with SkiaSharp and writes it as size×size RGB bytes, channel-major, into a batch:
/// for training through the random-resized crop, flip and colour jitter of <see cref="ImageNetAugment"/>, for evaluation
/// through the resize-and-centre-crop. The crop and resize are one bilinear draw from the source rectangle. Any file
/// that cannot be read is a <see cref="DataFormatException"/> naming it.
/// </summary>
internal static class ImageDecoder
{
    public const int Channels = 3;
    private static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear, SKMipmapMode.Nearest);

    public static void DecodeInto(string file, int size, bool train, SplitMix64 random, Span<byte> output)
    {
        using var image = Open(file);
        var rect = train
            ? ToRect(ImageNetAugment.RandomCrop(image.Width, image.Height, random))
            : ToRect(ImageNetAugment.CentreCrop(image.Width, image.Height, size));
        var flip = train && ImageNetAugment.Flip(random);
        var jitter = train ? ImageNetAugment.Jitter(random) : null;

        using var target = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(target))
        {
            canvas.Clear(SKColors.Black);
            canvas.DrawImage(image, rect, new SKRect(0, 0, size, size), Sampling);
        }
        var pixels = target.GetPixelSpan();
        var planes = size * size;
        var (r, g, b) = (new float[planes], new float[planes], new float[planes]);
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var source = 4 * (y * size + (flip ? size - 1 - x : x));
                var i = y * size + x;
                (r[i], g[i], b[i]) = (pixels[source], pixels[source + 1], pixels[source + 2]);
            }
        }
        if (jitter is not null) ColorJitter.Apply(r, g, b, jitter);
        WritePlane(r, output[..planes]);
        WritePlane(g, output.Slice(planes, planes));
        WritePlane(b, output.Slice(2 * planes, planes));
    }

    /// <summary>The whole file decoded, or an error naming it: missing, empty, not an image, or cut short.</summary>
    public static SKImage Open(string file)
    {
        var info = new FileInfo(file);
        if (!info.Exists) throw new DataFormatException(file, "no such image file.");
        if (info.Length == 0) throw new DataFormatException(file, "the image file is empty (0 bytes).");
        using var codec = SKCodec.Create(file, out var opened)
            ?? throw new DataFormatException(file, $"not a readable JPEG or PNG image ({opened}).");
        var pixels = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        if (pixels.Width <= 0 || pixels.Height <= 0)
            throw new DataFormatException(file, $"the image has no pixels ({pixels.Width}×{pixels.Height}).");
        var bitmap = new SKBitmap(pixels);
        var decoded = codec.GetPixels(pixels, bitmap.GetPixels());
        if (decoded != SKCodecResult.Success)
        {
            bitmap.Dispose();
            throw new DataFormatException(file, $"the image is corrupt or cut short ({decoded}).");
        }
        bitmap.SetImmutable();
        var image = SKImage.FromBitmap(bitmap);
        bitmap.Dispose();
        return image;
    }

    private static SKRect ToRect((int Left, int Top, int Width, int Height) r) => SKRect.Create(r.Left, r.Top, r.Width, r.Height);

    private static SKRect ToRect((float Left, float Top, float Width, float Height) r) => SKRect.Create(r.Left, r.Top, r.Width, r.Height);

    private static void WritePlane(float[] plane, Span<byte> output)
    {
        for (var i = 0; i < plane.Length; i++) output[i] = (byte)Math.Clamp(MathF.Round(plane[i]), 0f, 255f);
    }
}
