using System.Buffers.Binary;
using System.IO.Compression;
using PcDarts.Engine.Data;
using TorchSharp;

namespace PcDarts.Engine.Tests.Data;

public class FashionMnistReaderTests
{
    private const string Dir = DatasetCatalog.FashionMnistDefaultDir;

    [Fact]
    public void Reads_the_installed_training_set()
    {
        using var scope = torch.NewDisposeScope();
        using var data = FashionMnistReader.Read($"{Dir}/train-images-idx3-ubyte.gz", $"{Dir}/train-labels-idx1-ubyte.gz");

        Assert.Equal((60000, 1, 28, 28, 10), (data.Count, data.Channels, data.Height, data.Width, data.Classes));
        Assert.Equal(torch.ScalarType.Byte, data.Images.dtype);
        Assert.Equal(torch.ScalarType.Int64, data.Labels.dtype);
        Assert.True(data.Images.is_contiguous());
        Assert.Equal(Enumerable.Repeat(6000L, 10), data.Labels.bincount(null).data<long>().ToArray());
        // The first training image is an ankle boot (label 9), as the raw bytes show.
        Assert.Equal(9L, data.Labels[0].item<long>());
        Assert.Equal("Ankle boot", data.ClassNames![9]);
        // Published statistics: mean 0.2860, std 0.3530.
        Assert.Equal(0.2860, data.Mean[0], 3);
        Assert.Equal(0.3530, data.Std[0], 3);
    }

    [Fact]
    public void Reads_the_installed_test_set()
    {
        using var scope = torch.NewDisposeScope();
        using var data = FashionMnistReader.Read($"{Dir}/t10k-images-idx3-ubyte.gz", $"{Dir}/t10k-labels-idx1-ubyte.gz");

        Assert.Equal((10000, 1, 28, 28), (data.Count, data.Channels, data.Height, data.Width));
        Assert.Equal(Enumerable.Repeat(1000L, 10), data.Labels.bincount(null).data<long>().ToArray());
    }

    [Fact]
    public void Reads_plain_and_gzipped_files_alike()
    {
        using var dir = new TempDirectory();
        var pixels = Enumerable.Range(0, 2 * 3 * 4).Select(i => (byte)i).ToArray();
        File.WriteAllBytes(dir.File("images"), Idx(0x0803, [2, 3, 4], pixels));
        WriteGzip(dir.File("labels.gz"), Idx(0x0801, [2], [7, 1]));

        using var scope = torch.NewDisposeScope();
        using var data = FashionMnistReader.Read(dir.File("images"), dir.File("labels.gz"));

        Assert.Equal((2, 1, 3, 4), (data.Count, data.Channels, data.Height, data.Width));
        Assert.Equal([7L, 1L], data.Labels.data<long>().ToArray());
        Assert.Equal(13, data.Images[1, 0, 0, 1].item<byte>());
    }

    [Fact]
    public void Rejects_a_truncated_file_naming_it()
    {
        using var dir = new TempDirectory();
        var full = Idx(0x0803, [2, 3, 4], new byte[24]);
        File.WriteAllBytes(dir.File("images"), full[..^5]);
        File.WriteAllBytes(dir.File("labels"), Idx(0x0801, [2], [0, 1]));

        var error = Assert.Throws<DataFormatException>(() => FashionMnistReader.Read(dir.File("images"), dir.File("labels")));
        Assert.Contains(dir.File("images"), error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Rejects_a_wrong_magic_naming_the_file()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("images"), Idx(0x0803, [2, 3, 4], new byte[24]));
        // A labels file passed where images belong: magic 0x801 has one dimension, not three.
        File.WriteAllBytes(dir.File("labels"), Idx(0x0803, [2, 3, 4], new byte[24]));

        var error = Assert.Throws<DataFormatException>(() => FashionMnistReader.Read(dir.File("images"), dir.File("labels")));
        Assert.Contains(dir.File("labels"), error.Message);
        Assert.Contains("0x00000801", error.Message);
    }

    [Fact]
    public void Rejects_image_and_label_counts_that_differ()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("images"), Idx(0x0803, [2, 3, 4], new byte[24]));
        File.WriteAllBytes(dir.File("labels"), Idx(0x0801, [3], [0, 1, 2]));

        var error = Assert.Throws<DataFormatException>(() => FashionMnistReader.Read(dir.File("images"), dir.File("labels")));
        Assert.Contains("3 labels", error.Message);
    }

    private static byte[] Idx(int magic, int[] shape, byte[] data)
    {
        var bytes = new byte[4 + 4 * shape.Length + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        for (var d = 0; d < shape.Length; d++)
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * d), shape[d]);
        data.CopyTo(bytes, 4 + 4 * shape.Length);
        return bytes;
    }

    private static void WriteGzip(string path, byte[] content)
    {
        using var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        gzip.Write(content);
    }
}
