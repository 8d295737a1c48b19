using PcDarts.Core.Specs;
using static TorchSharp.torch;

namespace PcDarts.Engine.Data;

/// <summary>
/// The CIFAR-10 binary version (cifar-10-binary.tar.gz): each record is one label byte and
/// 3072 pixel bytes, the 1024 red, then 1024 green, then 1024 blue values of a 32×32 image,
/// rows top to bottom — already the C×H×W layout the network wants.
/// </summary>
public static class Cifar10Reader
{
    public const int Size = 32;
    public const int ChannelCount = 3;
    public const int ImageBytes = ChannelCount * Size * Size;
    public const int RecordBytes = 1 + ImageBytes;
    public const int ClassCount = 10;
    public const string MetaFileName = "batches.meta.txt";

    public static IReadOnlyList<string> TrainBatchFiles { get; } =
        ["data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"];

    public static IReadOnlyList<string> TestBatchFiles { get; } = ["test_batch.bin"];

    /// <summary>
    /// Reads the given batch files in order. Class names come from <c>batches.meta.txt</c>
    /// beside the first file when it exists (one name a line), else <see cref="ImageDataset.ClassNames"/> is null.
    /// </summary>
    public static ImageDataset Read(IEnumerable<string> batchFiles)
    {
        var files = batchFiles.ToList();
        if (files.Count == 0)
            throw new ArgumentException("No CIFAR-10 batch files given.", nameof(batchFiles));

        long records = 0;
        foreach (var file in files)
        {
            var length = new FileInfo(file).Length;
            if (length == 0 || length % RecordBytes != 0)
                throw new DataFormatException(file, $"size {length} bytes is not a positive multiple of the CIFAR-10 record size {RecordBytes} (1 label + {ImageBytes} pixel bytes).");
            records += length / RecordBytes;
        }

        var pixels = new byte[checked(records * ImageBytes)];
        var labels = new long[records];
        var next = 0;
        foreach (var file in files)
            next = ReadRecords(file, pixels, labels, next);

        using var scope = NewDisposeScope();
        var images = tensor(pixels, [records, ChannelCount, Size, Size], ScalarType.Byte);
        return new ImageDataset(DatasetNames.Cifar10, images, tensor(labels), ClassCount, ReadClassNames(files[0]));
    }

    private static int ReadRecords(string file, byte[] pixels, long[] labels, int first)
    {
        var bytes = File.ReadAllBytes(file);
        var count = bytes.Length / RecordBytes;
        for (var r = 0; r < count; r++)
        {
            var record = bytes.AsSpan(r * RecordBytes, RecordBytes);
            if (record[0] >= ClassCount)
                throw new DataFormatException(file, $"record {r} has label {record[0]}, not a class 0..{ClassCount - 1}.");
            labels[first + r] = record[0];
            record[1..].CopyTo(pixels.AsSpan((first + r) * ImageBytes, ImageBytes));
        }
        return first + count;
    }

    private static IReadOnlyList<string>? ReadClassNames(string firstBatchFile)
    {
        var meta = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(firstBatchFile))!, MetaFileName);
        if (!File.Exists(meta)) return null;
        var names = File.ReadAllLines(meta).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (names.Count != ClassCount)
            throw new DataFormatException(meta, $"lists {names.Count} class names, expected {ClassCount}.");
        return names;
    }
}
