using PcDarts.Engine.Data;
using TorchSharp;

namespace PcDarts.Engine.Tests.Data;

public class Cifar10ReaderTests
{
    /// <summary>Record r: label r + 3, pixel (c, y, x) = (r·7 + c·5 + y·3 + x) mod 256.</summary>
    private static byte[] Records(int count, int first = 0)
    {
        var bytes = new byte[count * Cifar10Reader.RecordBytes];
        for (var r = 0; r < count; r++)
        {
            var offset = r * Cifar10Reader.RecordBytes;
            bytes[offset] = (byte)(first + r + 3);
            for (var c = 0; c < 3; c++)
            for (var y = 0; y < 32; y++)
            for (var x = 0; x < 32; x++)
                bytes[offset + 1 + c * 1024 + y * 32 + x] = Pixel(first + r, c, y, x);
        }
        return bytes;
    }

    private static byte Pixel(int r, int c, int y, int x) => (byte)((r * 7 + c * 5 + y * 3 + x) % 256);

    [Fact]
    public void Reads_labels_and_channel_major_pixels()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("data_batch_1.bin"), Records(3));

        using var scope = torch.NewDisposeScope();
        using var data = Cifar10Reader.Read([dir.File("data_batch_1.bin")]);

        Assert.Equal((3, 3, 32, 32, 10), (data.Count, data.Channels, data.Height, data.Width, data.Classes));
        Assert.Equal([3L, 4L, 5L], data.Labels.data<long>().ToArray());
        Assert.Equal(Pixel(2, 1, 0, 2), data.Images[2, 1, 0, 2].item<byte>());
        Assert.Equal(Pixel(1, 2, 31, 5), data.Images[1, 2, 31, 5].item<byte>());
        Assert.Null(data.ClassNames);
    }

    [Fact]
    public void Concatenates_batches_in_order_and_reads_class_names()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("data_batch_1.bin"), Records(2));
        File.WriteAllBytes(dir.File("data_batch_2.bin"), Records(1, first: 2));
        string[] names = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];
        File.WriteAllLines(dir.File(Cifar10Reader.MetaFileName), [.. names, ""]);

        using var scope = torch.NewDisposeScope();
        using var data = Cifar10Reader.Read([dir.File("data_batch_1.bin"), dir.File("data_batch_2.bin")]);

        Assert.Equal([3L, 4L, 5L], data.Labels.data<long>().ToArray());
        Assert.Equal(Pixel(2, 0, 4, 9), data.Images[2, 0, 4, 9].item<byte>());
        Assert.Equal(names, data.ClassNames);
    }

    [Fact]
    public void Rejects_a_size_that_is_not_whole_records_naming_the_file()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("test_batch.bin"), Records(2)[..^1]);

        var error = Assert.Throws<DataFormatException>(() => Cifar10Reader.Read([dir.File("test_batch.bin")]));
        Assert.Contains(dir.File("test_batch.bin"), error.Message);
        Assert.Contains("3073", error.Message);
    }
}
