using PcDarts.Core.Randomness;

namespace PcDarts.Engine.Data.Folders;

/// <summary>
/// The authors' ImageNet pipeline (train_imagenet.py, as torchvision defines each step), as the rectangles and factors
/// one image's random draws give: training takes RandomResizedCrop(size, scale 0.08–1, ratio 3/4–4/3), a horizontal
/// flip with p = ½ and ColorJitter(0.4, 0.4, 0.4, 0.2); evaluation Resize(256) then CenterCrop(224), both scaled by
/// size / 224 for other input sizes. The search (train_search_imagenet.py) takes the crop and flip without the jitter
/// (<see cref="AugmentOptions.ColorJitter"/>). Every draw comes from the one <see cref="SplitMix64"/> handed in.
/// </summary>
public static class ImageNetAugment
{
    public const double MinScale = 0.08;
    public const double MaxScale = 1.0;
    public const double MinRatio = 3.0 / 4.0;
    public const double MaxRatio = 4.0 / 3.0;
    public const float Brightness = 0.4f, Contrast = 0.4f, Saturation = 0.4f, Hue = 0.2f;
    /// <summary>The evaluation resize (256) and crop (224) at the reference input size.</summary>
    public const int EvalResize = 256, EvalCrop = 224;

    public static float[] Mean { get; } = [0.485f, 0.456f, 0.406f];
    public static float[] Std { get; } = [0.229f, 0.224f, 0.225f];

    /// <summary>torchvision's RandomResizedCrop.get_params: ten tries at a random area and aspect, else the centre crop
    /// of the nearest allowed aspect. Returns (left, top, width, height) in source pixels.</summary>
    public static (int Left, int Top, int Width, int Height) RandomCrop(int width, int height, SplitMix64 random)
    {
        var area = (double)width * height;
        var (logLow, logHigh) = (Math.Log(MinRatio), Math.Log(MaxRatio));
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var target = area * Uniform(random, MinScale, MaxScale);
            var aspect = Math.Exp(Uniform(random, logLow, logHigh));
            var w = (int)Math.Round(Math.Sqrt(target * aspect));
            var h = (int)Math.Round(Math.Sqrt(target / aspect));
            if (w > 0 && w <= width && h > 0 && h <= height)
                return (random.NextInt(0, width - w), random.NextInt(0, height - h), w, h);
        }
        var ratio = (double)width / height;
        var (cropW, cropH) = ratio < MinRatio ? (width, (int)Math.Round(width / MinRatio))
            : ratio > MaxRatio ? ((int)Math.Round(height * MaxRatio), height)
            : (width, height);
        return ((width - cropW) / 2, (height - cropH) / 2, cropW, cropH);
    }

    /// <summary>Resize the shorter side to 256·size/224, centre-crop size×size, as a rectangle of the source image.</summary>
    public static (float Left, float Top, float Width, float Height) CentreCrop(int width, int height, int size)
    {
        var shorter = (int)Math.Round(EvalResize * size / (double)EvalCrop);
        var scale = shorter / (double)Math.Min(width, height);
        var side = (float)(size / scale);
        return ((width - side) / 2f, (height - side) / 2f, side, side);
    }

    /// <summary>True with probability ½ (RandomHorizontalFlip).</summary>
    public static bool Flip(SplitMix64 random) => Uniform(random, 0, 1) < 0.5;

    /// <summary>ColorJitter.get_params: the order of the four adjustments and their factors.</summary>
    public static JitterDraw Jitter(SplitMix64 random)
    {
        int[] order = [0, 1, 2, 3];
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = random.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return new JitterDraw(order,
            (float)Uniform(random, 1 - Brightness, 1 + Brightness),
            (float)Uniform(random, 1 - Contrast, 1 + Contrast),
            (float)Uniform(random, 1 - Saturation, 1 + Saturation),
            (float)Uniform(random, -Hue, Hue));
    }

    /// <summary>Uniform in [low, high) from the top 53 bits of one draw.</summary>
    private static double Uniform(SplitMix64 random, double low, double high) =>
        low + (high - low) * ((random.Next() >> 11) * (1.0 / (1UL << 53)));
}

/// <summary>One image's colour jitter: <see cref="Order"/> lists 0 brightness, 1 contrast, 2 saturation, 3 hue.</summary>
public sealed record JitterDraw(int[] Order, float Brightness, float Contrast, float Saturation, float Hue);
