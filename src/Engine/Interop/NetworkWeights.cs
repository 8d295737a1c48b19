using System.Collections;
using PcDarts.Core.Genotypes;
using PcDarts.Engine.Evaluation;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace PcDarts.Engine.Interop;

/// <summary>
/// An evaluation network's weights in either file format: ours (TorchSharp's <c>Module.save</c>) or PyTorch's
/// state_dict (<c>torch.save(model.state_dict())</c>, a zip archive) under the authors' key names (<see cref="AuthorsKeys"/>).
/// Loading tells the two apart by content, not by file name.
/// </summary>
public static class NetworkWeights
{
    /// <summary>Writes a state_dict that the authors' NetworkCIFAR / NetworkImageNet of the same genotype loads strictly.</summary>
    public static void SavePyTorch(EvalNetwork network, Stream output)
    {
        var keys = AuthorsKeys.Of(network);
        var state = new Dictionary<string, Tensor>();
        foreach (var (ours, tensor) in network.state_dict()) state[keys[ours]] = tensor.detach().cpu();
        PyTorchPickler.PickleStateDict(output, state, leaveOpen: true);
    }

    /// <summary>
    /// Weights of either format → the bytes of a PyTorch state_dict, for the network their shapes describe with
    /// <paramref name="genotype"/>'s cells (built on the CPU: a conversion, not a computation). The readers take files,
    /// so the weights pass through a temporary one.
    /// </summary>
    public static byte[] ToPyTorch(byte[] weights, Genotype genotype)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pcdarts-weights-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllBytes(path, weights);
            using var network = EvalNetwork.Create(WeightShapes.Describe(path), genotype, CPU);
            Load(network, path);
            using var buffer = new MemoryStream();
            SavePyTorch(network, buffer);
            return buffer.ToArray();
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Loads weights of either format into <paramref name="network"/>; the file must fit it exactly.</summary>
    public static void Load(EvalNetwork network, string path)
    {
        if (IsPyTorch(path)) LoadPyTorch(network, path);
        else
        {
            try
            {
                network.load(path);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or EndOfStreamException or IOException)
            {
                throw new InvalidDataException($"'{path}' does not fit this network ({e.Message})", e);
            }
        }
    }

    /// <summary>PyTorch's torch.save writes a zip archive (PK\x03\x04); ours starts with an entry count.</summary>
    public static bool IsPyTorch(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> head = stackalloc byte[4];
        return file.Read(head) == 4 && head.SequenceEqual("PK\x03\x04"u8);
    }

    private static void LoadPyTorch(EvalNetwork network, string path)
    {
        Hashtable loaded;
        using (var file = File.OpenRead(path))
            loaded = PyTorchUnpickler.UnpickleStateDict(file);
        var keys = AuthorsKeys.Of(network);
        var expected = keys.Values.ToHashSet();
        var given = loaded.Keys.Cast<string>().ToHashSet();
        var missing = expected.Except(given).Order().ToList();
        var unexpected = given.Except(expected).Order().ToList();
        if (missing.Count > 0 || unexpected.Count > 0)
            throw new InvalidDataException($"'{path}' is not a state_dict of this network: " +
                $"{missing.Count} keys missing{Listed(missing)}, {unexpected.Count} unexpected{Listed(unexpected)}");

        var state = network.state_dict();
        using var _ = no_grad();
        foreach (var (ours, authors) in keys)
        {
            var source = (Tensor)loaded[authors]!;
            var target = state[ours];
            if (!source.shape.SequenceEqual(target.shape))
                throw new InvalidDataException($"'{path}': {authors} has shape [{string.Join(", ", source.shape)}], this network needs [{string.Join(", ", target.shape)}]");
            target.copy_(source.to(target.dtype));
        }
        foreach (Tensor tensor in loaded.Values) tensor.Dispose();
    }

    private static string Listed(List<string> keys) => keys.Count == 0 ? "" : $" ({string.Join(", ", keys.Take(3))}{(keys.Count > 3 ? ", …" : "")})";
}
