using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PcDarts.Api.Apis;
using PcDarts.Api.Infrastructure;
using PcDarts.Core.Contracts;
using PcDarts.Persistence;
using PcDarts.Web.Data;

namespace PcDarts.Api.Dashboard;

/// <summary>The architectures view through <see cref="ArchitecturesApi"/>, one DbContext per call (a circuit outlives a request).</summary>
internal sealed class LeaderboardData(IDbContextFactory<PcDartsDbContext> contexts, RequestLimits limits) : ILeaderboardData
{
    public async Task<ArchitecturePage> ListArchitecturesAsync(string? dataset, int offset, int limit, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return (await ArchitecturesApi.ListArchitectures(string.IsNullOrWhiteSpace(dataset) ? null : dataset.Trim(), limit, offset, limits, db, ct)).Result switch
        {
            Ok<ArchitecturePage> ok => ok.Value!,
            ValidationProblem problem => throw new ArgumentException(string.Join("; ", problem.ProblemDetails.Errors.SelectMany(e => e.Value))),
            var other => throw new InvalidOperationException($"unexpected result {other}"),
        };
    }
}
