namespace PcDarts.Engine.Data;

/// <summary>A data file exists but is not what its format promises; the message names the file.</summary>
public sealed class DataFormatException(string path, string problem)
    : IOException($"{path}: {problem}")
{
    public string FilePath { get; } = path;
}
