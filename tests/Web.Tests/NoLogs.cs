using PcDarts.Core.Contracts;
using PcDarts.Web.Data;

namespace PcDarts.Web.Tests;

/// <summary>An experiment with no stored log lines yet.</summary>
internal sealed class NoLogs : IExperimentLogs
{
    public Task<LogPage?> GetLogsAsync(Guid id, long after = 0, CancellationToken ct = default) => Task.FromResult<LogPage?>(null);
}
