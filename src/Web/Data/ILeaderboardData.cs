using PcDarts.Core.Contracts;

namespace PcDarts.Web.Data;

/// <summary>The architectures view's data, through the REST handler in-process as <see cref="IDashboardData"/> does.</summary>
public interface ILeaderboardData
{
    /// <summary>The distinct genotypes found, best retrained first; <paramref name="dataset"/> null for all.</summary>
    Task<ArchitecturePage> ListArchitecturesAsync(string? dataset, int offset, int limit, CancellationToken ct = default);
}
