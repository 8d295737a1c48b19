using Microsoft.Extensions.Options;
using PcDarts.Core.Contracts;
using PcDarts.Core.Specs;
using PcDarts.Persistence.Entities;

namespace PcDarts.Api.Infrastructure;

/// <summary>Section "PcDarts:Limits": how much one request may ask of the platform.</summary>
public sealed class RequestLimitsOptions
{
    /// <summary>Largest <see cref="SpecCost"/> a queued run may have; the default admits every paper-scale preset.</summary>
    public double MaxSpecCost { get; set; } = SpecCost.DefaultLimit;
    public int MaxTags { get; set; } = 32;
    public int MaxTagLength { get; set; } = 64;
    /// <summary>For the list's filters (status, kind, tag, text).</summary>
    public int MaxQueryLength { get; set; } = 200;
    public int MaxPage { get; set; } = 100_000;
    public int MaxPageSize { get; set; } = 200;
    /// <summary>Experiments one live connection may follow at once; a page shows a few dozen at most.</summary>
    public int MaxHubSubscriptions { get; set; } = 100;
}

/// <summary>
/// The platform's side of request validation, on top of the specs' own rules: text PostgreSQL cannot store (NUL) and
/// control characters in names, tag counts and lengths, paging bounds, the run's total cost, and no filesystem paths
/// from the network (runners read the built-in data sets from their standard places).
/// </summary>
public sealed class RequestLimits(IOptions<RequestLimitsOptions> options)
{
    public RequestLimitsOptions Options { get; } = options.Value;

    internal void CheckSubmission(Validation validation, string? name, string[]? tags)
    {
        validation.Require(!string.IsNullOrWhiteSpace(name), "name", "is required");
        validation.Require(name is null || name.Trim().Length <= Experiment.MaxNameLength, "name", $"must be at most {Experiment.MaxNameLength} characters");
        validation.Require(name is null || !name.Any(char.IsControl), "name", "must not contain control characters");
        CheckTags(validation, tags);
    }

    internal void CheckTags(Validation validation, string[]? tags)
    {
        if (tags is null) return;
        validation.Require(tags.Length <= Options.MaxTags, "tags", $"at most {Options.MaxTags} tags, got {tags.Length}");
        validation.Require(tags.Length > Options.MaxTags || tags.All(t => !string.IsNullOrWhiteSpace(t) && t.Length <= Options.MaxTagLength), "tags",
            $"each tag must be non-empty and at most {Options.MaxTagLength} characters");
        validation.Require(tags.Length > Options.MaxTags || tags.All(t => t is null || !t.Any(char.IsControl)), "tags", "must not contain control characters");
    }

    /// <param name="prefix">The request field the spec is under: "spec" for one experiment, "search" or "retrain" in a study.</param>
    /// <param name="knownDatasets">The built-ins and the registered sets: the names a platform job can resolve.</param>
    internal void CheckSearch(Validation validation, SearchSpec spec, IReadOnlyList<string> knownDatasets, string prefix = "spec") =>
        CheckSpec(validation, prefix, spec.Validate(knownDatasets), spec.DataDir, () => SpecCost.Of(spec));

    internal void CheckRetrain(Validation validation, RetrainSpec spec, string? genotype, IReadOnlyList<string> knownDatasets, string prefix = "spec")
    {
        CheckSpec(validation, prefix, spec.Validate(knownDatasets), spec.DataDir, () => SpecCost.Of(spec));
        // Its length and every other bound are the parser's: only what the parser cannot see is checked here.
        Text(validation, "genotype", genotype, int.MaxValue);
    }

    internal void CheckListQuery(Validation validation, ExperimentListQuery q)
    {
        foreach (var (field, value) in new[] { ("status", q.Status), ("kind", q.Kind), ("tag", q.Tag), ("text", q.Text), ("dataset", q.Dataset),
                     ("creator", q.Creator), ("createdBy", q.CreatedBy), ("origin", q.Origin), ("sort", q.Sort) })
            Text(validation, field, value, Options.MaxQueryLength);
        validation.Require(ExperimentSortKeys.Parse(q.Sort) is not null, "sort", ExperimentSortKeys.Unknown(q.Sort));
        validation.Require(q.Page is null || (q.Page >= 1 && q.Page <= Options.MaxPage), "page", $"must be between 1 and {Options.MaxPage}, got {q.Page}");
        validation.Require(q.PageSize is null || (q.PageSize >= 1 && q.PageSize <= Options.MaxPageSize), "pageSize", $"must be between 1 and {Options.MaxPageSize}, got {q.PageSize}");
        validation.Require(q.Limit is null || (q.Limit >= 1 && q.Limit <= Options.MaxPageSize), "limit", $"must be between 1 and {Options.MaxPageSize}, got {q.Limit}");
        validation.Require(q.Offset is null || q.Offset >= 0, "offset", $"must be 0 or more, got {q.Offset}");
        validation.Require(q.Offset is null || q.Page is null, "offset", "give either offset or page, not both");
    }

    private void CheckSpec(Validation validation, string prefix, IReadOnlyList<SpecError> errors, string? dataDir, Func<double> cost)
    {
        validation.AddSpecErrors(prefix, errors);
        // The path is not echoed: the answer must not tell a caller anything about this machine's files.
        validation.Require(dataDir is null, $"{prefix}.dataDir", "is not accepted over the API; runners read the built-in data sets from their standard places and registered ones from their registered paths");
        // Only a spec whose fields are valid has a meaningful cost.
        if (errors.Count == 0 && SpecCost.Check(cost(), Options.MaxSpecCost) is { } tooCostly) validation.Add(prefix, tooCostly);
    }

    /// <summary>Free text bound for a text column or a query: PostgreSQL refuses NUL in text, so it is a 400 here, not a 500 there.</summary>
    private static void Text(Validation validation, string field, string? value, int maxLength)
    {
        if (value is null) return;
        validation.Require(!value.Contains('\0'), field, "must not contain NUL characters");
        validation.Require(value.Length <= maxLength, field, $"must be at most {maxLength} characters, got {value.Length}");
    }
}
