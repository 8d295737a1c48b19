using PcDarts.Core.Contracts;

namespace PcDarts.Web.Data;

/// <summary>
/// The data sets a run may name (for the search and retrain forms) and, for admins, the registered ones to change,
/// through the same handlers as /api/datasets (so the same rules, the same audit lines).
/// </summary>
public interface IDatasetsData
{
    /// <summary>The built-ins, then the registered sets, with their image size and classes.</summary>
    Task<IReadOnlyList<DatasetChoice>> ListChoicesAsync(CancellationToken ct = default);
    Task<IReadOnlyList<DatasetDto>> ListAsync(CancellationToken ct = default);
    Task<AccountResult<DatasetDto>> CreateAsync(DatasetRequest request, CancellationToken ct = default);
    Task<AccountResult<DatasetDto>> UpdateAsync(string name, DatasetRequest request, CancellationToken ct = default);
    /// <summary>Null when removed, else why not.</summary>
    Task<string?> DeleteAsync(string name, CancellationToken ct = default);
}
