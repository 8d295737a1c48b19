using System.Buffers.Binary;
using System.IO.Compression;

namespace PcDarts.Engine.Data;

/// <summary>
/// The IDX format of LeCun's MNIST files (also used by Fashion-MNIST): magic 0x0000TTDD
/// (TT = element type, 0x08 = unsigned byte; DD = number of dimensions), DD big-endian
/// int32 sizes, then the elements row-major. Files may be gzipped, as distributed.
/// </summary>
internal static class IdxFile
{
    private const byte UnsignedByteType = 0x08;

    /// <summary>Reads an unsigned-byte IDX file of exactly <paramref name="dimensions"/> dimensions.</summary>
    public static (int[] Shape, byte[] Data) ReadBytes(string path, int dimensions)
    {
        var bytes = ReadMaybeGzipped(path);
        var headerLength = 4 + 4 * dimensions;
        if (bytes.Length < 4)
            throw new DataFormatException(path, $"too short for an IDX file ({bytes.Length} bytes).");
        var magic = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        var expectedMagic = (uint)(UnsignedByteType << 8 | dimensions);
        if (magic != expectedMagic)
            throw new DataFormatException(path, $"IDX magic is 0x{magic:X8}, expected 0x{expectedMagic:X8} (unsigned bytes, {dimensions} dimension(s)).");
        if (bytes.Length < headerLength)
            throw new DataFormatException(path, $"IDX header truncated ({bytes.Length} of {headerLength} bytes).");

        var shape = new int[dimensions];
        long elements = 1;
        for (var d = 0; d < dimensions; d++)
        {
            shape[d] = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 + 4 * d));
            if (shape[d] < 0)
                throw new DataFormatException(path, $"IDX dimension {d} is negative ({shape[d]}).");
            elements *= shape[d];
        }

        var actual = bytes.Length - headerLength;
        if (actual != elements)
            throw new DataFormatException(path,
                $"IDX shape [{string.Join("×", shape)}] needs {elements} data bytes but the file has {actual} ({(actual < elements ? "truncated" : "trailing bytes")}).");
        return (shape, bytes[headerLength..]);
    }

    /// <summary>Gzip is recognised by its magic bytes 1F 8B, not by the file name.</summary>
    internal static byte[] ReadMaybeGzipped(string path)
    {
        var raw = File.ReadAllBytes(path);
        if (raw.Length < 2 || raw[0] != 0x1F || raw[1] != 0x8B)
            return raw;
        try
        {
            using var gzip = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
            using var output = new MemoryStream(raw.Length * 4);
            gzip.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new DataFormatException(path, $"corrupt gzip data ({e.Message}).");
        }
    }
}
