using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PcDarts.Api.Experiments;
using PcDarts.Core.Contracts;
using PcDarts.Persistence;
using PcDarts.Persistence.Entities;

namespace PcDarts.Api.Apis;

/// <summary>
/// The experiments list as the leaderboard asks for it: filters, one sort key, then paging. Every key is a column
/// (the accuracies and the cost are kept per epoch by the run recorder), so a sort is an index scan.
/// </summary>
internal static class ExperimentListing
{
    public const int DefaultPageSize = 20;

    /// <summary>Null-able keys sort their nulls last whichever the direction: an unfinished run never tops a leaderboard.</summary>
    private static readonly Dictionary<string, Func<IQueryable<Experiment>, bool, IOrderedQueryable<Experiment>>> Orderings = new()
    {
        [ExperimentSortKeys.Created] = (q, d) => By(q, e => e.CreatedAt, d),
        [ExperimentSortKeys.Status] = (q, d) => By(q, e => e.Status, d),
        [ExperimentSortKeys.Name] = (q, d) => By(q, e => e.Name, d),
        [ExperimentSortKeys.Kind] = (q, d) => By(q, e => e.Kind, d),
        [ExperimentSortKeys.SearchTop1] = (q, d) => NullsLast(q, e => e.SearchTop1, d),
        [ExperimentSortKeys.RetrainTop1] = (q, d) => NullsLast(q, e => e.RetrainTop1, d),
        [ExperimentSortKeys.Parameters] = (q, d) => NullsLast(q, e => e.Parameters, d),
        [ExperimentSortKeys.MultiplyAdds] = (q, d) => NullsLast(q, e => e.MultiplyAdds, d),
        [ExperimentSortKeys.Cost] = (q, d) => By(q, e => e.ComputeSeconds, d),
        [ExperimentSortKeys.Epochs] = (q, d) => By(q, e => e.EpochsCompleted, d),
    };

    /// <summary>The page <paramref name="query"/> asks for; the query is already validated (its sort key is known).</summary>
    public static async Task<ExperimentPage> PageAsync(PcDartsDbContext db, ExperimentListQuery query, CancellationToken ct)
    {
        var size = query.Limit ?? query.PageSize ?? DefaultPageSize;
        var offset = query.Offset ?? ((query.Page ?? 1) - 1) * size;
        var filtered = Filter(db.Experiments.AsNoTracking(), query);
        var total = await filtered.CountAsync(ct);
        var (key, descending) = ExperimentSortKeys.Parse(query.Sort)!.Value;
        // The id breaks ties so that pages never repeat or skip a row.
        var rows = await Orderings[key](filtered, descending).ThenByDescending(e => e.Id).Skip(offset).Take(size).ToListAsync(ct);
        return new ExperimentPage(rows.Select(e => e.ToSummary()).ToList(), offset / size + 1, size, total, offset);
    }

    private static IQueryable<Experiment> Filter(IQueryable<Experiment> q, ExperimentListQuery f)
    {
        if (Given(f.Status) is { } status) q = q.Where(e => e.Status == status);
        if (Given(f.Kind) is { } kind) q = q.Where(e => e.Kind == kind);
        if (Given(f.Tag) is { } tag) q = q.Where(e => e.Tags.Contains(tag));
        if ((Given(f.Creator) ?? Given(f.CreatedBy)) is { } creator) q = q.Where(e => e.CreatedBy != null && e.CreatedBy.ToLower() == creator.ToLower());
        if (f.DerivedFrom is { } source) q = q.Where(e => e.DerivedFromId == source);
        if (f.Study is { } study) q = q.Where(e => e.StudyId == study);
        if (Given(f.Origin) is { } origin) q = q.Where(e => e.Origin == origin);
        if (Given(f.Text) is { } text) q = q.Where(e => EF.Functions.ILike(e.Name, $"%{text}%"));
        // The data set lives in the spec (jsonb): containment reads it without a column of its own.
        if (Given(f.Dataset) is { } dataset)
            q = q.Where(e => EF.Functions.JsonContains(e.Spec, System.Text.Json.JsonSerializer.Serialize(new { dataset }, ExperimentMapping.SpecJson)));
        return q;
    }

    private static string? Given(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static IOrderedQueryable<Experiment> By<T>(IQueryable<Experiment> q, Expression<Func<Experiment, T>> key, bool descending) =>
        descending ? q.OrderByDescending(key) : q.OrderBy(key);

    private static IOrderedQueryable<Experiment> NullsLast<T>(IQueryable<Experiment> q, Expression<Func<Experiment, T?>> key, bool descending) where T : struct
    {
        var withValues = q.OrderBy(Null(key));
        return descending ? withValues.ThenByDescending(key) : withValues.ThenBy(key);
    }

    /// <summary>key(e) == null, as an expression EF can translate.</summary>
    private static Expression<Func<Experiment, bool>> Null<T>(Expression<Func<Experiment, T?>> key) where T : struct =>
        Expression.Lambda<Func<Experiment, bool>>(Expression.Equal(key.Body, Expression.Constant(null, typeof(T?))), key.Parameters);
}
