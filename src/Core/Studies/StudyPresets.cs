using System.Text.Json;
using PcDarts.Core.Contracts;
using PcDarts.Core.Specs;

namespace PcDarts.Core.Studies;

/// <summary>Studies a user starts in two clicks.</summary>
public static class StudyPresets
{
    /// <summary>
    /// The paper's ablation (docs/pc-darts.md: partial channels K and edge normalization) over three seeds, 24 searches
    /// each retrained, at a budget a CPU machine finishes on Fashion-MNIST: a tiny network (8 channels, 5 cells),
    /// 1,000 examples, 3 search epochs and 2 retrain epochs. Channels 8 are divisible by every K.
    /// </summary>
    public static CreateStudyRequest PaperAblation { get; } = new(
        "PC-DARTS ablation: K × edge normalization (Fashion-MNIST, tiny)",
        new Dictionary<string, JsonElement[]>
        {
            ["k"] = [Number(1), Number(2), Number(4), Number(8)],
            ["edgeNormalization"] = [JsonSerializer.SerializeToElement(true), JsonSerializer.SerializeToElement(false)],
            [StudyGrid.SeedKey] = [Number(1), Number(2), Number(3)],
        },
        SearchPresets.QuickSearch with { Epochs = 3, Subset = 1000, WarmupEpochs = 1 },
        RetrainPresets.QuickRetrain with { Epochs = 2, Subset = 1000 },
        ["ablation"]);

    /// <summary>
    /// What the dashboard says of the preset's cost. Estimated from the quick presets (a quick search, 4 epochs of 2,000
    /// examples, takes about a minute on two CPU cores): a member's search does 3/8 of that work (more at K = 1, whose
    /// mixed ops see every channel) and its retrain 2 epochs of 1,000 examples.
    /// </summary>
    public const string PaperAblationExpectedTime = "roughly half an hour for 24 searches and 24 retrains on one two-core CPU runner (an estimate from the quick presets' timings)";

    private static JsonElement Number(int value) => JsonSerializer.SerializeToElement(value);
}
