using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PcDarts.Api.Apis;
using PcDarts.Api.Auth;
using PcDarts.Api.Experiments;
using PcDarts.Api.Infrastructure;
using PcDarts.Core.Contracts;
using PcDarts.Core.Metrics;
using PcDarts.Persistence;
using PcDarts.Persistence.Runs;
using PcDarts.Web.Data;

namespace PcDarts.Api.Dashboard;

/// <summary>
/// The dashboard's data through the REST handlers themselves, called in-process: one code path (and one validation) for
/// browsers, CI and the pages, without a loopback HTTP hop or a base address to guess. Each call gets its own DbContext,
/// because a Blazor circuit outlives any request scope and may run calls concurrently.
/// </summary>
internal sealed class DashboardData(
    IDbContextFactory<PcDartsDbContext> contexts, ExperimentSubmission submission, ExperimentLifecycle lifecycle, IBackgroundJobClient jobs, TimeProvider clock, RequestLimits limits)
    : IDashboardData
{
    public async Task<ExperimentPage> ListExperimentsAsync(ExperimentQuery q, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = new ExperimentListQuery
        {
            Status = Empty(q.Status), Kind = Empty(q.Kind), Tag = Empty(q.Tag), Text = Empty(q.Text), Dataset = Empty(q.Dataset),
            Creator = Empty(q.Creator), DerivedFrom = q.DerivedFrom, Sort = Empty(q.Sort), Page = q.Page, PageSize = q.PageSize,
        };
        return (await ExperimentsApi.ListExperiments(query, limits, db, ct)).Result switch
        {
            Ok<ExperimentPage> ok => ok.Value!,
            ValidationProblem problem => throw new ArgumentException(string.Join("; ", problem.ProblemDetails.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))),
            var other => throw new InvalidOperationException($"unexpected result {other}"),
        };
    }

    public async Task<ExperimentDto?> GetExperimentAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return (await ExperimentsApi.GetExperiment(id, db, clock, ct)).Result is Ok<ExperimentDto> ok ? ok.Value : null;
    }

    public async Task<IReadOnlyList<EpochMetrics>> GetMetricsAsync(Guid id, int afterEpoch = 0, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return (await ExperimentsApi.GetMetrics(id, afterEpoch, "json", db, ct)).Result is Ok<MetricsDto> ok ? ok.Value!.Epochs : [];
    }

    public async Task<IReadOnlyList<EpochArchitectureDto>> GetArchitectureAsync(Guid id, int afterEpoch = 0, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return (await ExperimentsApi.GetArchitecture(id, afterEpoch, db, ct)).Result is Ok<List<EpochArchitectureDto>> ok ? ok.Value! : [];
    }

    public async Task<SubmitResult> SubmitSearchAsync(CreateSearchRequest request, CancellationToken ct = default)
    {
        try { return Answer(await submission.SubmitSearchAsync(request, ct)); }
        catch (Exception e) when (IsRefusal(e)) { return SubmitResult.Refused(e.Message); }
    }

    public async Task<SubmitResult> SubmitRetrainAsync(CreateRetrainRequest request, CancellationToken ct = default)
    {
        try { return Answer(await submission.SubmitRetrainAsync(request, ct)); }
        catch (Exception e) when (IsRefusal(e)) { return SubmitResult.Refused(e.Message); }
    }

    /// <summary>The save hook's refusals (REST answers them 403 and 409): a message for the page, not an error screen.</summary>
    private static bool IsRefusal(Exception e) => e is ExperimentAccessDeniedException or ActiveExperimentCapException;

    private static SubmitResult Answer(Submission s) =>
        s.Experiment is { } e ? SubmitResult.Created(e.Id) : new SubmitResult(null, s.Errors!.AsReadOnly());

    public async Task<string?> CancelAsync(Guid id, CancellationToken ct = default)
    {
        try
        {
            return (await ExperimentsApi.CancelExperiment(id, lifecycle, jobs, ct)).Result switch
            {
                Accepted<ExperimentDto> => null,
                NotFound => $"no experiment {id}",
                ProblemHttpResult problem => problem.ProblemDetails.Detail ?? problem.ProblemDetails.Title,
                var other => $"unexpected result {other}",
            };
        }
        catch (Exception e) when (IsRefusal(e)) { return e.Message; }
    }

    public async Task<string?> DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        try
        {
            return (await ExperimentsApi.DeleteExperiment(id, db, jobs, ct)).Result switch
            {
                NoContent => null,
                NotFound => $"no experiment {id}",
                ProblemHttpResult problem => problem.ProblemDetails.Detail ?? problem.ProblemDetails.Title,
                var other => $"unexpected result {other}",
            };
        }
        catch (Exception e) when (IsRefusal(e)) { return e.Message; }
    }

    public async Task<(ExperimentDto? Experiment, string? Error)> SetTagsAsync(Guid id, IReadOnlyList<string> tags, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        try
        {
            return (await ExperimentsApi.SetTags(id, new SetTagsRequest([.. tags]), limits, db, ct)).Result switch
            {
                Ok<ExperimentDto> ok => (ok.Value, null),
                NotFound => (null, $"no experiment {id}"),
                ValidationProblem problem => (null, string.Join("; ", problem.ProblemDetails.Errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}")))),
                var other => (null, $"unexpected result {other}"),
            };
        }
        catch (Exception e) when (IsRefusal(e)) { return (null, e.Message); }
    }

    public async Task<(CompareDto? Result, string? Error)> CompareAsync(IReadOnlyList<Guid> ids, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return (await CompareApi.Compare(string.Join(',', ids), db, ct)).Result switch
        {
            Ok<CompareDto> ok => (ok.Value, null),
            ValidationProblem problem => (null, string.Join("; ", problem.ProblemDetails.Errors.SelectMany(e => e.Value))),
            NotFound<string> missing => (null, missing.Value),
            var other => (null, $"unexpected result {other}"),
        };
    }

    public async Task<IReadOnlyList<RunnerDto>> ListRunnersAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return (await RunnersApi.ListRunners(db, clock, ct)).Value!;
    }

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
