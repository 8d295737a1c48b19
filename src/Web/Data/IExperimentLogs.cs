using PcDarts.Core.Contracts;

namespace PcDarts.Web.Data;

/// <summary>An experiment's stored log for the dashboard, as REST's GET /api/experiments/{id}/logs?after=N gives it.</summary>
public interface IExperimentLogs
{
    /// <summary>Lines after <paramref name="after"/> in order (a page of them), with the status read before them; null for an unknown id.</summary>
    Task<LogPage?> GetLogsAsync(Guid id, long after = 0, CancellationToken ct = default);
}
