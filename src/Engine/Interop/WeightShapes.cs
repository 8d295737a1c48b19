using System.Collections;
using PcDarts.Core.Specs;
using PcDarts.Engine.Evaluation;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace PcDarts.Engine.Interop;

/// <summary>
/// The tensor shapes a weights file holds, read without a network to load them into, so that a file can say which
/// evaluation network it belongs to (all but the genotype, which shapes alone do not pin down).
/// </summary>
public static class WeightShapes
{
    /// <summary>Key → shape, under the file's own names (ours, or the authors' for a PyTorch file).</summary>
    public static IReadOnlyDictionary<string, long[]> Read(string path)
    {
        if (NetworkWeights.IsPyTorch(path))
        {
            using var file = File.OpenRead(path);
            var loaded = PyTorchUnpickler.UnpickleStateDict(file);
            var shapes = new Dictionary<string, long[]>();
            foreach (DictionaryEntry entry in loaded)
            {
                using var tensor = (Tensor)entry.Value!;
                shapes[(string)entry.Key] = tensor.shape;
            }
            return shapes;
        }
        return ReadTorchSharp(path);
    }

    /// <summary>
    /// The network a file's shapes describe: the stem names the shape (ours: stem.conv / stem0.conv0; the authors':
    /// stem.0 / stem0.0), the stem convolutions C and the image channels, the cell indices the depth, the classifier the classes.
    /// </summary>
    public static EvalNetworkOptions Describe(string path)
    {
        var shapes = Read(path);
        var authors = shapes.ContainsKey("stem.0.weight") || shapes.ContainsKey("stem0.0.weight");
        var imageNet = shapes.ContainsKey(authors ? "stem0.0.weight" : "stem0.conv0.weight");
        long[] Shape(string key) => shapes.TryGetValue(key, out var shape) ? shape
            : throw new InvalidDataException($"'{path}' is not the weights of an evaluation network (no {key})");
        var (channels, inputChannels) = imageNet
            ? (Shape(authors ? "stem0.3.weight" : "stem0.conv1.weight")[0], Shape(authors ? "stem0.0.weight" : "stem0.conv0.weight")[1])
            : (Shape(authors ? "stem.0.weight" : "stem.conv.weight")[0] / 3, Shape(authors ? "stem.0.weight" : "stem.conv.weight")[1]);
        var layers = shapes.Keys.Where(k => k.StartsWith("cells.", StringComparison.Ordinal)).Select(k => k.Split('.')[1]).Distinct().Count();
        var auxiliary = shapes.Keys.Any(k => k.StartsWith(authors ? "auxiliary_head." : "auxiliary.", StringComparison.Ordinal));
        return new EvalNetworkOptions(imageNet ? NetworkShapes.ImageNet : NetworkShapes.Cifar, (int)channels, layers,
            (int)Shape("classifier.weight")[0], (int)inputChannels, auxiliary);
    }

    /// <summary>
    /// TorchSharp's <c>Module.save</c>: an entry count, then per entry its name and a tensor (dtype, rank, dimensions,
    /// raw values), the integers as 7-bit varints.
    /// </summary>
    private static Dictionary<string, long[]> ReadTorchSharp(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        var shapes = new Dictionary<string, long[]>();
        try
        {
            var count = Varint(reader);
            for (var entry = 0L; entry < count; entry++)
            {
                var name = reader.ReadString();
                var dtype = (ScalarType)Varint(reader);
                var shape = new long[Varint(reader)];
                for (var d = 0; d < shape.Length; d++) shape[d] = Varint(reader);
                reader.BaseStream.Seek(shape.Aggregate(1L, (a, b) => a * b) * ElementSize(dtype), SeekOrigin.Current);
                shapes[name] = shape;
            }
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentOutOfRangeException or OverflowException)
        {
            throw new InvalidDataException($"'{path}' is neither a PcDarts weights file nor a PyTorch state_dict", e);
        }
        return shapes;
    }

    private static long Varint(BinaryReader reader)
    {
        long value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = reader.ReadByte();
            value |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return value;
        }
        throw new OverflowException("a varint longer than 64 bits");
    }

    private static long ElementSize(ScalarType dtype) => dtype switch
    {
        ScalarType.Byte or ScalarType.Int8 or ScalarType.Bool => 1,
        ScalarType.Int16 or ScalarType.Float16 or ScalarType.BFloat16 => 2,
        ScalarType.Int32 or ScalarType.Float32 => 4,
        ScalarType.Int64 or ScalarType.Float64 or ScalarType.ComplexFloat32 => 8,
        ScalarType.ComplexFloat64 => 16,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "an element type weights do not use"),
    };
}
