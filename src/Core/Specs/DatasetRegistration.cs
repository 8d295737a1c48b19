using System.Text.RegularExpressions;

namespace PcDarts.Core.Specs;

/// <summary>
/// The rules a registered data set's fields follow, written once for the REST API and the dashboard's admin page:
/// a name a spec can carry and that no built-in already has, a known layout, an absolute path, sizes a network can take.
/// </summary>
public static partial class DatasetRegistration
{
    public const int MaxNameLength = 64;
    public const int MaxPathLength = 1024;
    public const int MaxDescriptionLength = 500;
    public const int MinImageSize = 8;
    public const int MaxClasses = 100_000;

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex NamePattern();

    /// <summary>The field errors of a registration; <paramref name="checkName"/> is false on an update (the name is the key).</summary>
    public static IReadOnlyList<SpecError> Validate(string? name, string? format, string? path, int? imageSize, int? classes, string? description, bool checkName = true)
    {
        var rules = new SpecRules();
        if (checkName)
        {
            rules.Require(!string.IsNullOrEmpty(name) && name.Length <= MaxNameLength && NamePattern().IsMatch(name), "name",
                $"is required: 1 to {MaxNameLength} characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit");
            rules.Require(name is null || !DatasetNames.All.Contains(name), "name",
                $"'{name}' is a built-in data set; built-ins ({string.Join(", ", DatasetNames.All)}) cannot be registered over");
        }
        rules.Require(format is not null && DatasetFormats.All.Contains(format), "format", $"must be one of {string.Join(", ", DatasetFormats.All)}");
        rules.Require(!string.IsNullOrWhiteSpace(path) && path.Length <= MaxPathLength && System.IO.Path.IsPathFullyQualified(path) && !path.Any(char.IsControl), "path",
            string.IsNullOrWhiteSpace(path)
                ? "is required: an absolute folder path as the runner nodes see it"
                : $"must be an absolute folder path as the runner nodes see it (starting with /), at most {MaxPathLength} characters");
        rules.Require(imageSize is >= MinImageSize and <= SpecLimits.MaxInputSize, "imageSize",
            $"must be between {MinImageSize} and {SpecLimits.MaxInputSize} (the side length images are used at), got {imageSize?.ToString() ?? "nothing"}");
        rules.Require(classes is >= 2 and <= MaxClasses, "classes", $"must be between 2 and {MaxClasses}, got {classes?.ToString() ?? "nothing"}");
        rules.Require(description is null || (description.Length <= MaxDescriptionLength && !description.Contains('\0')), "description",
            $"must be at most {MaxDescriptionLength} characters, without NUL");
        return rules;
    }
}
