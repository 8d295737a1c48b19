using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PcDarts.Engine.Interop;

/// <summary>
/// NumPy's .npy format for float32 arrays in C order: a magic string, a version, a header that is a Python dict literal
/// (`descr`, `fortran_order`, `shape`) padded to 64 bytes, then the values. Versions 1–3 are read, 1.0 is written.
/// </summary>
public static partial class NpyFile
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];
    private const string Float32 = "<f4";

    public static (float[] Values, long[] Shape) ReadFloat32(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 10 || !bytes.AsSpan(0, 6).SequenceEqual(Magic))
            throw new InvalidDataException($"'{path}' is not a NumPy .npy file (no \\x93NUMPY magic)");
        var major = bytes[6];
        var (headerLength, headerStart) = major == 1
            ? (BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)), 10)
            : ((int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)), 12);
        if (headerStart + headerLength > bytes.Length) throw new InvalidDataException($"'{path}': the .npy header runs past the end of the file");
        var header = Encoding.Latin1.GetString(bytes, headerStart, headerLength);

        var descr = Field(DescrPattern(), header, path, "descr");
        if (descr != Float32) throw new InvalidDataException($"'{path}' holds dtype {descr}; float32 ({Float32}) is needed (numpy: array.astype(np.float32))");
        if (Field(FortranPattern(), header, path, "fortran_order") != "False")
            throw new InvalidDataException($"'{path}' is in Fortran order; C order is needed (numpy: np.ascontiguousarray)");
        var shape = Field(ShapePattern(), header, path, "shape")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => long.Parse(d, CultureInfo.InvariantCulture)).ToArray();

        var count = shape.Aggregate(1L, (a, b) => a * b);
        var dataStart = headerStart + headerLength;
        if (bytes.Length - dataStart != count * sizeof(float))
            throw new InvalidDataException($"'{path}': shape ({string.Join(", ", shape)}) needs {count * sizeof(float)} bytes of data, the file has {bytes.Length - dataStart}");
        var values = new float[count];
        Buffer.BlockCopy(bytes, dataStart, values, 0, (int)(count * sizeof(float)));
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("a big-endian machine");
        return (values, shape);
    }

    public static void WriteFloat32(string path, float[] values, long[] shape) => File.WriteAllBytes(path, Float32Bytes(values, shape));

    /// <summary>A whole .npy file (version 1.0, little-endian float32, C order) in memory, for an atomic write.</summary>
    public static byte[] Float32Bytes(float[] values, long[] shape)
    {
        if (values.LongLength != shape.Aggregate(1L, (a, b) => a * b))
            throw new ArgumentException($"{values.Length} values do not fill shape ({string.Join(", ", shape)})", nameof(values));
        var dims = shape.Length == 1 ? $"{shape[0]}," : string.Join(", ", shape);
        var dict = $"{{'descr': '{Float32}', 'fortran_order': False, 'shape': ({dims}), }}";
        // Magic (6) + version (2) + length (2) + header, padded with spaces to a multiple of 64 and ended by a newline.
        var padded = dict.PadRight((10 + dict.Length + 1 + 63) / 64 * 64 - 10 - 1) + "\n";
        var bytes = new byte[10 + padded.Length + values.Length * sizeof(float)];
        Magic.CopyTo(bytes, 0);
        bytes[6] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)padded.Length);
        Encoding.Latin1.GetBytes(padded, bytes.AsSpan(10));
        Buffer.BlockCopy(values, 0, bytes, 10 + padded.Length, values.Length * sizeof(float));
        return bytes;
    }

    private static string Field(Regex pattern, string header, string path, string name)
    {
        var match = pattern.Match(header);
        return match.Success ? match.Groups[1].Value.Trim() : throw new InvalidDataException($"'{path}': the .npy header has no '{name}'");
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
