namespace PcDarts.Core.Contracts;

/// <summary>
/// The formats trained weights come in: the engine's own (TorchSharp's Module.save) and PyTorch's state_dict under the
/// authors' model.py names, which only an evaluation network has. Spelled the same by the runner, the REST API and the client.
/// </summary>
public static class WeightFormats
{
    public const string PcDarts = "pcdarts";
    public const string PyTorch = "pytorch";

    public static IReadOnlyList<string> All { get; } = [PcDarts, PyTorch];
}
