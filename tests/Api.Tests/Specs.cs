namespace PcDarts.Api.Tests;

internal static class Specs
{
    /// <summary>A search that takes seconds: synthetic data, 4 channels, 3 layers, 3 nodes.</summary>
    public static object TinySearch(int epochs = 3, int? subset = 64, string dataset = "synthetic") => new
    {
        dataset,
        epochs,
        batchSize = 16,
        channels = 4,
        layers = 3,
        nodes = 3,
        k = 2,
        warmupEpochs = 1,
        subset,
        threads = 1,
        seed = 7,
    };
}
