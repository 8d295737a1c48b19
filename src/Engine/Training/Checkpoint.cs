using System.Text;
using System.Text.Json;
using TorchSharp;
using TorchSharp.Modules;

namespace PcDarts.Engine.Training;

/// <summary>
/// One blob per checkpoint, so a folder and a database row hold it the same way:
/// magic, header length, header JSON, the network's state, then each optimizer's state in order.
/// </summary>
public static class Checkpoint
{
    private static readonly byte[] Magic = "PCDCKPT1"u8.ToArray();

    public static byte[] Save(CheckpointHeader header, torch.nn.Module network, IReadOnlyList<OptimizerHelper> optimizers)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            var json = JsonSerializer.SerializeToUtf8Bytes(header, RunJson.Options);
            writer.Write(json.Length);
            writer.Write(json);
            network.save(writer);
            foreach (var optimizer in optimizers) optimizer.save_state_dict(writer);
        }
        return buffer.ToArray();
    }

    public static CheckpointHeader ReadHeader(byte[] checkpoint)
    {
        using var reader = new BinaryReader(new MemoryStream(checkpoint));
        return ReadHeader(reader);
    }

    /// <summary>Loads the network's and the optimizers' state from the checkpoint and returns its header.</summary>
    public static CheckpointHeader Restore(byte[] checkpoint, torch.nn.Module network, IReadOnlyList<OptimizerHelper> optimizers)
    {
        using var reader = new BinaryReader(new MemoryStream(checkpoint));
        var header = ReadHeader(reader);
        network.load(reader);
        foreach (var optimizer in optimizers) optimizer.load_state_dict(reader);
        return header;
    }

    private static CheckpointHeader ReadHeader(BinaryReader reader)
    {
        var magic = reader.ReadBytes(Magic.Length);
        if (!magic.AsSpan().SequenceEqual(Magic))
            throw new InvalidDataException("not a PcDarts checkpoint (bad magic)");
        var length = reader.ReadInt32();
        var header = JsonSerializer.Deserialize<CheckpointHeader>(reader.ReadBytes(length), RunJson.Options)
            ?? throw new InvalidDataException("checkpoint header is empty");
        if (header.Format != CheckpointHeader.CurrentFormat)
            throw new InvalidDataException($"checkpoint format {header.Format} is not supported (expected {CheckpointHeader.CurrentFormat})");
        return header;
    }
}
