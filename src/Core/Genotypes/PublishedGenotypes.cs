using System.Diagnostics.CodeAnalysis;

namespace PcDarts.Core.Genotypes;

/// <summary>
/// Genotypes the papers published, kept as the authors' own text so a test can compare it character for character:
/// PC-DARTS from yuhuixu1993/PC-DARTS genotypes.py (docs/pc-darts.md §6), DARTS first and second order from quark0/darts cnn/genotypes.py
/// (the DARTS ones hold their concat as a list, the PC-DARTS ones as a range; both mean nodes 2..5).
/// </summary>
public static class PublishedGenotypes
{
    public const string PcDartsCifarText =
        "Genotype(normal=[('sep_conv_3x3', 1), ('skip_connect', 0), ('sep_conv_3x3', 0), ('dil_conv_3x3', 1), ('sep_conv_5x5', 0), ('sep_conv_3x3', 1), ('avg_pool_3x3', 0), ('dil_conv_3x3', 1)], normal_concat=range(2, 6), reduce=[('sep_conv_5x5', 1), ('max_pool_3x3', 0), ('sep_conv_5x5', 1), ('sep_conv_5x5', 2), ('sep_conv_3x3', 0), ('sep_conv_3x3', 3), ('sep_conv_3x3', 1), ('sep_conv_3x3', 2)], reduce_concat=range(2, 6))";

    public const string PcDartsImageText =
        "Genotype(normal=[('skip_connect', 1), ('sep_conv_3x3', 0), ('sep_conv_3x3', 0), ('skip_connect', 1), ('sep_conv_3x3', 1), ('sep_conv_3x3', 3), ('sep_conv_3x3', 1), ('dil_conv_5x5', 4)], normal_concat=range(2, 6), reduce=[('sep_conv_3x3', 0), ('skip_connect', 1), ('dil_conv_5x5', 2), ('max_pool_3x3', 1), ('sep_conv_3x3', 2), ('sep_conv_3x3', 1), ('sep_conv_5x5', 0), ('sep_conv_3x3', 3)], reduce_concat=range(2, 6))";

    public const string DartsV1Text =
        "Genotype(normal=[('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('skip_connect', 0), ('sep_conv_3x3', 1), ('skip_connect', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('skip_connect', 2)], normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 0), ('max_pool_3x3', 0), ('skip_connect', 2), ('skip_connect', 2), ('avg_pool_3x3', 0)], reduce_concat=[2, 3, 4, 5])";

    public const string DartsV2Text =
        "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 1), ('skip_connect', 0), ('skip_connect', 0), ('dil_conv_3x3', 2)], normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 1), ('max_pool_3x3', 0), ('skip_connect', 2), ('skip_connect', 2), ('max_pool_3x3', 1)], reduce_concat=[2, 3, 4, 5])";

    public static Genotype PC_DARTS_cifar { get; } = Genotype.Parse(PcDartsCifarText);
    public static Genotype PC_DARTS_image { get; } = Genotype.Parse(PcDartsImageText);
    public static Genotype DARTS_V1 { get; } = Genotype.Parse(DartsV1Text);
    public static Genotype DARTS_V2 { get; } = Genotype.Parse(DartsV2Text);

    /// <summary>The variable names of the authors' genotypes.py files.</summary>
    public static IReadOnlyList<string> Names { get; } = ["PC_DARTS_cifar", "PC_DARTS_image", "DARTS_V1", "DARTS_V2"];

    // PC-DARTS' genotypes.py also defines PCDARTS = PC_DARTS_cifar, the name its train.py defaults to.
    private static readonly Dictionary<string, Genotype> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["PC_DARTS_cifar"] = PC_DARTS_cifar,
        ["PC_DARTS_image"] = PC_DARTS_image,
        ["DARTS_V1"] = DARTS_V1,
        ["DARTS_V2"] = DARTS_V2,
        ["PCDARTS"] = PC_DARTS_cifar,
    };

    /// <summary>Looks a name up, exact spelling or any letter case; also accepts the alias PCDARTS.</summary>
    public static bool TryGet(string name, [NotNullWhen(true)] out Genotype? genotype)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ByName.TryGetValue(name.Trim(), out genotype);
    }

    public static Genotype Get(string name) =>
        TryGet(name, out var genotype)
            ? genotype
            : throw new KeyNotFoundException($"no published genotype '{name}'; known: {string.Join(", ", Names)}");
}
