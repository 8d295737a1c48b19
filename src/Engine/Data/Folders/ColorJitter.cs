namespace PcDarts.Engine.Data.Folders;

/// <summary>
/// torchvision's ColorJitter on an RGB image as three float planes on the 0..255 scale: each adjustment blends with
/// a reference (black, the mean grey level, the pixel's grey) and clamps, as PIL's ImageEnhance does; hue rotates in HSV.
/// Grey is ITU-R 601-2 luma, PIL's "L".
/// </summary>
internal static class ColorJitter
{
    public static void Apply(float[] r, float[] g, float[] b, JitterDraw draw)
    {
        foreach (var step in draw.Order)
        {
            switch (step)
            {
                case 0: Scale(r, g, b, draw.Brightness); break;
                case 1: BlendWithGrey(r, g, b, draw.Contrast, MeanGrey(r, g, b)); break;
                case 2: BlendWithGrey(r, g, b, draw.Saturation, null); break;
                default: RotateHue(r, g, b, draw.Hue); break;
            }
        }
    }

    private static float Grey(float r, float g, float b) => 0.299f * r + 0.587f * g + 0.114f * b;

    private static float MeanGrey(float[] r, float[] g, float[] b)
    {
        double sum = 0;
        for (var i = 0; i < r.Length; i++) sum += Grey(r[i], g[i], b[i]);
        return (float)(sum / r.Length);
    }

    /// <summary>Brightness: a blend with black, i.e. factor · pixel, clamped.</summary>
    private static void Scale(float[] r, float[] g, float[] b, float factor)
    {
        for (var i = 0; i < r.Length; i++)
        {
            r[i] = Math.Min(factor * r[i], 255f);
            g[i] = Math.Min(factor * g[i], 255f);
            b[i] = Math.Min(factor * b[i], 255f);
        }
    }

    /// <summary>factor · pixel + (1 − factor) · grey, clamped to 0..255: grey is <paramref name="meanGrey"/> (contrast) or
    /// the pixel's own (saturation).</summary>
    private static void BlendWithGrey(float[] r, float[] g, float[] b, float factor, float? meanGrey)
    {
        for (var i = 0; i < r.Length; i++)
        {
            var other = (1 - factor) * (meanGrey ?? Grey(r[i], g[i], b[i]));
            r[i] = Math.Clamp(factor * r[i] + other, 0f, 255f);
            g[i] = Math.Clamp(factor * g[i] + other, 0f, 255f);
            b[i] = Math.Clamp(factor * b[i] + other, 0f, 255f);
        }
    }

    /// <summary>Shifts hue by <paramref name="shift"/> of a full turn (−0.5..0.5), keeping saturation and value.</summary>
    private static void RotateHue(float[] r, float[] g, float[] b, float shift)
    {
        for (var i = 0; i < r.Length; i++)
        {
            var max = Math.Max(r[i], Math.Max(g[i], b[i]));
            var min = Math.Min(r[i], Math.Min(g[i], b[i]));
            var chroma = max - min;
            if (chroma <= 0) continue; // grey has no hue
            var hue = max == r[i] ? (g[i] - b[i]) / chroma : max == g[i] ? 2 + (b[i] - r[i]) / chroma : 4 + (r[i] - g[i]) / chroma;
            hue = (hue / 6f + shift) % 1f;
            if (hue < 0) hue += 1f;
            (r[i], g[i], b[i]) = FromHsv(hue * 6f, chroma, max);
        }
    }

    private static (float R, float G, float B) FromHsv(float sector, float chroma, float value)
    {
        var x = chroma * (1 - Math.Abs(sector % 2 - 1));
        var min = value - chroma;
        return ((int)sector switch
        {
            0 => (chroma, x, 0f),
            1 => (x, chroma, 0f),
            2 => (0f, chroma, x),
            3 => (0f, x, chroma),
            4 => (x, 0f, chroma),
            _ => (chroma, 0f, x),
        }) switch { var (cr, cg, cb) => (cr + min, cg + min, cb + min) };
    }
}
