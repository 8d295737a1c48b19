using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using PcDarts.Core.Specs;

namespace PcDarts.Core.Studies;

/// <summary>One search of a study: its spec (the study's search spec with one value of every grid key) and its grid values.</summary>
public sealed record StudyPoint(SearchSpec Spec, IReadOnlyDictionary<string, JsonElement> Values)
{
    /// <summary>The grid point minus the seed: what the members of one configuration share ("k=2, edgeNormalization=true").</summary>
    public string Configuration => StudyGrid.ConfigurationOf(Values);
}

/// <summary>
/// A study's grid: search-spec field names (camelCase, as in a search spec's JSON) to the values to try. Its expansion
/// is the cartesian product applied onto the study's search spec, each member checked by <see cref="SearchSpec.Validate"/>
/// before anything is queued; an error on a field the grid sets is reported under <c>grid.field</c>.
/// </summary>
public static class StudyGrid
{
    public const string SeedKey = "seed";

    /// <summary>The JSON form specs and grids are read and written in: camelCase, no unknown fields.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Spec fields a grid cannot vary: paths are refused over the network, and threads are a local-run setting.</summary>
    private static readonly string[] NotVaried = ["dataDir", "threads"];

    public static IReadOnlyList<string> Keys { get; } = JsonSerializer.SerializeToNode(new SearchSpec(), Json)!.AsObject()
        .Select(p => p.Key).Where(k => !NotVaried.Contains(k)).ToArray();

    /// <summary>The members in a stable order (grid keys in the order given, the last key varying fastest), or the errors; never both.</summary>
    /// <param name="knownDatasets">The data set names a member may use (the built-ins by default; the platform adds its registered ones).</param>
    public static (IReadOnlyList<StudyPoint> Points, IReadOnlyList<SpecError> Errors) Expand(
        SearchSpec search, IReadOnlyDictionary<string, JsonElement[]>? grid, IReadOnlyList<string>? knownDatasets = null)
    {
        knownDatasets ??= DatasetNames.All;
        var errors = new List<SpecError>();
        grid ??= new Dictionary<string, JsonElement[]>();
        foreach (var (key, values) in grid)
        {
            if (!Keys.Contains(key)) errors.Add(new($"grid.{key}", $"is not a search-spec field a study can vary; expected one of {string.Join(", ", Keys)}"));
            else if (values is null || values.Length == 0) errors.Add(new($"grid.{key}", "must list at least one value"));
            else if (values.Select(v => v.GetRawText()).Distinct().Count() != values.Length) errors.Add(new($"grid.{key}", "lists a value twice"));
        }
        if (errors.Count > 0) return ([], errors);
        if (MemberCount(grid.Values.Select(v => v.Length)) > SpecLimits.MaxStudyMembers)
            return ([], [new("grid", $"expands to more than {SpecLimits.MaxStudyMembers} searches, the limit for one study")]);

        var points = new List<StudyPoint>();
        foreach (var values in Product(grid.ToList()))
        {
            var point = Apply(search, values, knownDatasets, errors);
            if (point is not null) points.Add(point);
        }
        return errors.Count > 0 ? ([], errors.DistinctBy(e => e.ToString()).ToList()) : (points, []);
    }

    /// <summary>
    /// How many searches a grid of axes with these many values expands to: their product, capped as it grows at one over
    /// <see cref="SpecLimits.MaxStudyMembers"/> (a product of many long axes must not wrap around below the limit).
    /// </summary>
    public static long MemberCount(IEnumerable<int> valuesPerKey) =>
        valuesPerKey.Aggregate(1L, (n, count) => Math.Min(n * count, SpecLimits.MaxStudyMembers + 1L));

    /// <summary>The grid point minus the seed, as "key=value" pairs in grid order; "all" for a grid of seeds only.</summary>
    public static string ConfigurationOf(IReadOnlyDictionary<string, JsonElement> values)
    {
        var parts = values.Where(v => v.Key != SeedKey).Select(v => $"{v.Key}={Text(v.Value)}").ToList();
        return parts.Count == 0 ? "all" : string.Join(", ", parts);
    }

    /// <summary>The values a member's spec holds for the grid's keys: how a stored member finds its configuration again.</summary>
    public static IReadOnlyDictionary<string, JsonElement> ValuesOf(SearchSpec spec, IEnumerable<string> keys)
    {
        var node = JsonSerializer.SerializeToNode(spec, Json)!.AsObject();
        return keys.ToDictionary(k => k, k => JsonSerializer.SerializeToElement(node[k], Json));
    }

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    private static StudyPoint? Apply(SearchSpec search, IReadOnlyDictionary<string, JsonElement> values, IReadOnlyList<string> knownDatasets, List<SpecError> errors)
    {
        var node = JsonSerializer.SerializeToNode(search, Json)!.AsObject();
        foreach (var (key, value) in values) node[key] = JsonNode.Parse(value.GetRawText());
        SearchSpec spec;
        try
        {
            spec = node.Deserialize<SearchSpec>(Json)!;
        }
        catch (JsonException e)
        {
            var key = values.Keys.FirstOrDefault(k => e.Path is { } path && path.Contains(k, StringComparison.OrdinalIgnoreCase)) ?? "grid";
            errors.Add(new(key == "grid" ? key : $"grid.{key}", $"a value is not valid for this field: {e.Message}"));
            return null;
        }
        foreach (var error in spec.Validate(knownDatasets))
            errors.Add(values.ContainsKey(error.Field) ? new($"grid.{error.Field}", error.Message) : new($"search.{error.Field}", error.Message));
        return new StudyPoint(spec, values);
    }

    private static IEnumerable<Dictionary<string, JsonElement>> Product(List<KeyValuePair<string, JsonElement[]>> axes)
    {
        IEnumerable<Dictionary<string, JsonElement>> points = [new Dictionary<string, JsonElement>()];
        foreach (var (key, values) in axes)
            points = points.SelectMany(p => values.Select(v => new Dictionary<string, JsonElement>(p) { [key] = v })).ToList();
        return points;
    }
}
