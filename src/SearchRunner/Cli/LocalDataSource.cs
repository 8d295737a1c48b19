using System.CommandLine;
using PcDarts.Cli.CommandLine;
using PcDarts.Core.Specs;
using PcDarts.Engine.Data;

namespace PcDarts.SearchRunner.Cli;

/// <summary>
/// `--data-format`: a local run reads --data-dir as a data set of that layout, named by --dataset, instead of a built-in.
/// The image size is --input-size, else 224 for the ImageNet shape and 32 otherwise (28 for IDX files); the classes
/// are counted on disk.
/// </summary>
internal static class LocalDataSource
{
    public const string FormatOption = "--data-format";

    public static Option<string?> CreateOption() => CliOption.OneOf(FormatOption,
        $"read --data-dir as a data set of this layout, named by --dataset ({DatasetFormats.ImageFolder}: train/ and val/, one folder per class)",
        DatasetFormats.All);

    /// <summary>The names the data set may take: with --data-format also the one given (else <paramref name="saved"/>, a
    /// resumed run's), without only the built-ins (null).</summary>
    public static IReadOnlyList<string>? KnownNames(ParseResult parsed, Option<string?> format, string saved) =>
        parsed.GetValue(format) is null ? null : [.. DatasetNames.All, parsed.GetValue<string>("--dataset") ?? saved];

    /// <summary>The source of a validated spec, or null when --data-format is not given.</summary>
    public static DatasetSource? From(ParseResult parsed, Option<string?> format, string dataset, string? dataDir, string network, int? inputSize)
    {
        if (parsed.GetValue(format) is not { } layout) return null;
        if (DatasetNames.All.Contains(dataset))
            throw new CliUsageException($"--dataset: '{dataset}' is a built-in; give your data set a name of its own with {FormatOption}");
        if (string.IsNullOrWhiteSpace(dataDir))
            throw new CliUsageException($"--data-dir: {FormatOption} reads the data set from a folder; name it");
        var size = inputSize ?? layout switch
        {
            DatasetFormats.Idx => 28,
            _ when network == NetworkShapes.ImageNet => 224,
            _ => 32,
        };
        return new DatasetSource(dataset, layout, dataDir, size, DatasetSources.CountClasses(layout, dataDir));
    }
}
