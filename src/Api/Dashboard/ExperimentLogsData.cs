using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PcDarts.Api.Apis;
using PcDarts.Core.Contracts;
using PcDarts.Persistence;
using PcDarts.Web.Data;

namespace PcDarts.Api.Dashboard;

/// <summary>The log panel's data through the REST handler itself, in-process, on a DbContext of its own per call.</summary>
internal sealed class ExperimentLogsData(IDbContextFactory<PcDartsDbContext> contexts) : IExperimentLogs
{
    public async Task<LogPage?> GetLogsAsync(Guid id, long after = 0, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return (await ExperimentLogsApi.GetLogs(id, after, null, db, ct)).Result is Ok<LogPage> ok ? ok.Value : null;
    }
}
