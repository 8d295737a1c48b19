using PcDarts.Core.Randomness;
using SkiaSharp;

namespace PcDarts.Engine.Data.Folders;

/// <summary>
/// Decodes one JPEG or PNG file with SkiaSharp and writes it as size×size RGB bytes, channel-major, into a batch:
/// for training through the random-resized crop, flip and (when asked) colour jitter of <see cref="ImageNetAugment"/>, for evaluation
/// through the resize-and-centre-crop. The crop and resize are one bilinear draw from the source rectangle, of a JPEG
/// decoded at a reduced scale where the crop allows (<see cref="ScaleFor"/>). Any file
/// that cannot be read is a <see cref="DataFormatException"/> naming it.
/// </summary>
internal static class ImageDecoder
{
    public const int Channels = 3;
    private static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear, SKMipmapMode.Nearest);

    public static void DecodeInto(string file, int size, bool train, bool colorJitter, SplitMix64 random, Span<byte> output)
    {
        using var codec = OpenCodec(file);
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        var rect = train
            ? ToRect(ImageNetAugment.RandomCrop(width, height, random))
            : ToRect(ImageNetAugment.CentreCrop(width, height, size));
        var flip = train && ImageNetAugment.Flip(random);
        // The jitter is drawn last, so switching it off leaves the crop and flip of every image as they were.
        var jitter = train && colorJitter ? ImageNetAugment.Jitter(random) : null;
        using var image = Decode(codec, file, ScaleFor(rect, size));
        var (scaleX, scaleY) = (image.Width / (float)width, image.Height / (float)height);
        var source = new SKRect(rect.Left * scaleX, rect.Top * scaleY, rect.Right * scaleX, rect.Bottom * scaleY);

        using var target = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(target))
        {
            canvas.Clear(SKColors.Black);
            canvas.DrawImage(image, source, new SKRect(0, 0, size, size), Sampling);
        }
        var pixels = target.GetPixelSpan();
        var planes = size * size;
        var (r, g, b) = (new float[planes], new float[planes], new float[planes]);
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var from = 4 * (y * size + (flip ? size - 1 - x : x));
                var i = y * size + x;
                (r[i], g[i], b[i]) = (pixels[from], pixels[from + 1], pixels[from + 2]);
            }
        }
        if (jitter is not null) ColorJitter.Apply(r, g, b, jitter);
        WritePlane(r, output[..planes]);
        WritePlane(g, output.Slice(planes, planes));
        WritePlane(b, output.Slice(2 * planes, planes));
    }

    /// <summary>
    /// The smallest power-of-two reduction (down to ⅛) that still leaves the crop at least <paramref name="size"/> pixels
    /// on its shorter side: a JPEG decodes that much smaller in its DCT, far faster, and the resize that follows loses
    /// nothing it would have kept. PNG decodes at full size whatever is asked.
    /// </summary>
    private static float ScaleFor(SKRect crop, int size)
    {
        var scale = 1f;
        while (scale > 0.125f && Math.Min(crop.Width, crop.Height) * scale / 2 >= size) scale /= 2;
        return scale;
    }

    /// <summary>The file's codec, or an error naming it: missing, empty, not an image, or without pixels.</summary>
    public static SKCodec OpenCodec(string file)
    {
        var info = new FileInfo(file);
        if (!info.Exists) throw new DataFormatException(file, "no such image file.");
        if (info.Length == 0) throw new DataFormatException(file, "the image file is empty (0 bytes).");
        var codec = SKCodec.Create(file, out var opened)
            ?? throw new DataFormatException(file, $"not a readable JPEG or PNG image ({opened}).");
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0)
        {
            codec.Dispose();
            throw new DataFormatException(file, $"the image has no pixels ({width}×{height}).");
        }
        return codec;
    }

    /// <summary>The whole image at <paramref name="scale"/> (as near as the codec can), or an error naming the file when
    /// it is corrupt or cut short.</summary>
    private static SKImage Decode(SKCodec codec, string file, float scale)
    {
        var dimensions = scale < 1f ? codec.GetScaledDimensions(scale) : codec.Info.Size;
        var pixels = new SKImageInfo(dimensions.Width, dimensions.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(pixels);
        var decoded = codec.GetPixels(pixels, bitmap.GetPixels());
        if (decoded == SKCodecResult.InvalidScale && scale < 1f)
        {
            bitmap.Dispose();
            return Decode(codec, file, 1f);
        }
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
