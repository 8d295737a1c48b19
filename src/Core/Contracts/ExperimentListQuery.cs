using System.Globalization;

namespace PcDarts.Core.Contracts;

/// <summary>
/// The experiments list's query string, as REST binds it and the client writes it:
/// <c>?sort=-retrainTop1&amp;kind=search&amp;dataset=…&amp;creator=…&amp;tag=…&amp;status=…&amp;limit=…&amp;offset=…</c>.
/// Paging is either <see cref="Limit"/>/<see cref="Offset"/> or the older <see cref="Page"/>/<see cref="PageSize"/>.
/// </summary>
public sealed record ExperimentListQuery
{
    public string? Status { get; init; }
    public string? Kind { get; init; }
    public string? Tag { get; init; }
    /// <summary>Part of the name, any case.</summary>
    public string? Text { get; init; }
    /// <summary>The spec's data set name.</summary>
    public string? Dataset { get; init; }
    /// <summary>The email of the user who submitted it.</summary>
    public string? Creator { get; init; }
    /// <summary>The same as <see cref="Creator"/>, under the name the field has in an experiment.</summary>
    public string? CreatedBy { get; init; }
    /// <summary>Only the retrains made from this search (lineage).</summary>
    public Guid? DerivedFrom { get; init; }
    /// <summary>Only the members of this study (its searches, their retrains and its random baseline).</summary>
    public Guid? Study { get; init; }
    /// <summary>Only the experiments of this origin (<see cref="ExperimentOrigins"/>, e.g. a study's random baseline).</summary>
    public string? Origin { get; init; }
    /// <summary>One of <see cref="ExperimentSortKeys.All"/>, with a leading '-' for descending; "-created" by default.</summary>
    public string? Sort { get; init; }
    public int? Limit { get; init; }
    public int? Offset { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }

    /// <summary>The query string (without '?') of the fields that are set.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        void Add(string name, object? value)
        {
            if (value is null || value is string { Length: 0 }) return;
            parts.Add($"{name}={Uri.EscapeDataString(Convert.ToString(value, CultureInfo.InvariantCulture)!)}");
        }
        Add("status", Status); Add("kind", Kind); Add("tag", Tag); Add("text", Text); Add("dataset", Dataset);
        Add("creator", Creator); Add("createdBy", CreatedBy); Add("derivedFrom", DerivedFrom); Add("study", Study); Add("origin", Origin); Add("sort", Sort);
        Add("limit", Limit); Add("offset", Offset); Add("page", Page); Add("pageSize", PageSize);
        return string.Join('&', parts);
    }
}

/// <summary>The columns the experiments list sorts by: REST's <c>sort</c>, the dashboard's headers and the client's <c>--sort</c>.</summary>
public static class ExperimentSortKeys
{
    public const string Created = "created";
    public const string Status = "status";
    public const string Name = "name";
    public const string Kind = "kind";
    /// <summary>A search's best architecture-split top-1.</summary>
    public const string SearchTop1 = "searchTop1";
    /// <summary>A retrain's best test top-1.</summary>
    public const string RetrainTop1 = "retrainTop1";
    public const string Parameters = "parameters";
    public const string MultiplyAdds = "multiplyAdds";
    /// <summary>Compute seconds of the committed epochs (a search's search cost).</summary>
    public const string Cost = "cost";
    public const string Epochs = "epochs";

    public const string Default = "-" + Created;

    public static IReadOnlyList<string> All { get; } = [Created, Status, Name, Kind, SearchTop1, RetrainTop1, Parameters, MultiplyAdds, Cost, Epochs];

    /// <summary>The key and direction of <paramref name="sort"/> ("key" or "-key"), or null when the key is not one of <see cref="All"/>.</summary>
    public static (string Key, bool Descending)? Parse(string? sort)
    {
        var text = string.IsNullOrWhiteSpace(sort) ? Default : sort.Trim();
        var descending = text.StartsWith('-');
        var key = descending ? text[1..] : text.TrimStart('+');
        var known = All.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
        return known is null ? null : (known, descending);
    }

    /// <summary>The error text for a key <see cref="Parse"/> refused.</summary>
    public static string Unknown(string? sort) =>
        $"unknown sort key '{sort}': use one of {string.Join(", ", All)}, with a leading '-' for descending";
}
