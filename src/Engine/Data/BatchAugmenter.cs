using static TorchSharp.torch;

namespace PcDarts.Engine.Data;

/// <summary>
/// Turns a uint8 batch into a normalized float32 batch on the device, with the training
/// augmentation of DARTS (torchvision RandomCrop(padding), RandomHorizontalFlip, ToTensor,
/// Normalize, then Cutout) done for the whole batch at once with gathers and masks.
/// All random numbers come from a CPU <see cref="Generator"/> seeded with the batch's seed,
/// so a batch is reproducible from its seed alone, on any device.
/// </summary>
public sealed class BatchAugmenter
{
    public BatchAugmenter(AugmentOptions options)
    {
        if (options.Mean.Length != options.Std.Length || options.Mean.Length == 0)
            throw new ArgumentException("Mean and Std need one value per channel.", nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.CropPadding);
        ArgumentOutOfRangeException.ThrowIfNegative(options.CutoutLength);
        if (options.ResizeTo is <= 0)
            throw new ArgumentOutOfRangeException(nameof(options), options.ResizeTo, "ResizeTo must be positive.");
        Options = options;
    }

    public AugmentOptions Options { get; }

    /// <summary>The result belongs to the caller's current dispose scope; intermediates are freed here.</summary>
    public Tensor Apply(Tensor uint8Batch, long seed, Device device, bool train)
    {
        if (uint8Batch.dtype != ScalarType.Byte || uint8Batch.dim() != 4 || uint8Batch.shape[1] != Options.Mean.Length)
            throw new ArgumentException(
                $"Expected a uint8 B×{Options.Mean.Length}×H×W batch, got {uint8Batch.dtype} [{string.Join(", ", uint8Batch.shape)}].", nameof(uint8Batch));

        using var scope = NewDisposeScope();
        var batch = uint8Batch.shape[0];
        var (height, width) = (uint8Batch.shape[2], uint8Batch.shape[3]);
        // Bytes cross to the device, not floats: a quarter of the transfer.
        var x = uint8Batch.to(device).to(ScalarType.Float32).div_(255f);
        using var generator = new Generator(unchecked((ulong)seed));

        if (train && (Options.CropPadding > 0 || Options.HorizontalFlip))
        {
            var padding = Options.CropPadding;
            var shiftY = randint(-padding, padding + 1, [batch], ScalarType.Int64, generator: generator);
            var shiftX = randint(-padding, padding + 1, [batch], ScalarType.Int64, generator: generator);
            var flip = Options.HorizontalFlip
                ? rand([batch], generator: generator).lt(0.5)
                : zeros([batch], ScalarType.Bool);
            x = ShiftAndFlip(x, shiftY.to(device), shiftX.to(device), flip.to(device));
        }

        if (Options.ResizeTo is { } size && (size != height || size != width))
        {
            x = nn.functional.interpolate(x, [size, size], mode: InterpolationMode.Bilinear, align_corners: false);
            (height, width) = (size, size);
        }

        x = Normalize(x, Options.Mean, Options.Std);

        // After Normalize, as DARTS appends Cutout to the transforms: the square becomes 0 in
        // normalized space, i.e. the mean colour, not black.
        if (train && Options.CutoutLength > 0)
        {
            var centreY = randint(0, height, [batch], ScalarType.Int64, generator: generator);
            var centreX = randint(0, width, [batch], ScalarType.Int64, generator: generator);
            x = Cutout(x, centreY.to(device), centreX.to(device), Options.CutoutLength);
        }

        return x.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// out[b, c, y, x] = in[b, c, y + shiftY[b], x' + shiftX[b]] with x' = W-1-x where flip[b], else x;
    /// zero where that falls outside the image. A shift in [-p, p] is RandomCrop of the image
    /// zero-padded by p (offset = shift + p), and mirroring the output column is flipping the crop.
    /// </summary>
    internal static Tensor ShiftAndFlip(Tensor x, Tensor shiftY, Tensor shiftX, Tensor flip)
    {
        var (batch, channels, height, width) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3]);
        var device = x.device;
        var columns = arange(width, ScalarType.Int64, device).unsqueeze(0);
        var mirrored = where(flip.unsqueeze(1), (width - 1) - columns, columns);
        var rows = arange(height, ScalarType.Int64, device).unsqueeze(0) + shiftY.unsqueeze(1);
        var cols = mirrored + shiftX.unsqueeze(1);

        var rowInside = rows.ge(0).logical_and(rows.lt(height)).view(batch, 1, height, 1);
        var colInside = cols.ge(0).logical_and(cols.lt(width)).view(batch, 1, 1, width);
        var rowIndex = rows.clamp(0, height - 1).view(batch, 1, height, 1).expand(batch, channels, height, width);
        var colIndex = cols.clamp(0, width - 1).view(batch, 1, 1, width).expand(batch, channels, height, width);

        var moved = x.gather(2, rowIndex).gather(3, colIndex);
        return moved.mul(rowInside.logical_and(colInside).to(x.dtype));
    }

    /// <summary>
    /// DARTS' Cutout: per image one square of side <paramref name="length"/> centred at
    /// (centreY, centreX), rows [cy - length/2, cy + length/2) clipped to the image, set to zero
    /// in every channel. Integer halving as in the original (an odd length gives length-1).
    /// </summary>
    internal static Tensor Cutout(Tensor x, Tensor centreY, Tensor centreX, int length)
    {
        var (batch, height, width) = (x.shape[0], x.shape[2], x.shape[3]);
        var half = length / 2;
        var rows = arange(height, ScalarType.Int64, x.device).unsqueeze(0);
        var cols = arange(width, ScalarType.Int64, x.device).unsqueeze(0);
        var (y, c) = (centreY.unsqueeze(1), centreX.unsqueeze(1));
        // Comparing with the unclipped bounds equals clipping them to [0, H] first.
        var rowHit = rows.ge(y - half).logical_and(rows.lt(y + half)).view(batch, 1, height, 1);
        var colHit = cols.ge(c - half).logical_and(cols.lt(c + half)).view(batch, 1, 1, width);
        return x.mul(rowHit.logical_and(colHit).logical_not().to(x.dtype));
    }

    /// <summary>torchvision's Normalize on a 0..1 batch: (x - mean) / std per channel.</summary>
    internal static Tensor Normalize(Tensor x, float[] mean, float[] std)
    {
        var shape = new long[] { 1, mean.Length, 1, 1 };
        return x.sub(tensor(mean, device: x.device).view(shape)).div(tensor(std, device: x.device).view(shape));
    }
}
