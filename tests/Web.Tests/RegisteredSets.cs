using PcDarts.Core.Contracts;
using PcDarts.Web.Data;

namespace PcDarts.Web.Tests;

/// <summary>Four registered data sets (three present on a runner) for the forms' data set field.</summary>
internal sealed class RegisteredSets : IDatasetsData
{
    public Task<IReadOnlyList<DatasetChoice>> ListChoicesAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<DatasetChoice>>(
    [
        new("fashion-mnist", 28, 10, true), new("cifar10", 32, 10, true), new("synthetic", 32, 10, true), new("flowers", 64, 102, false),
    ]);
    public Task<IReadOnlyList<DatasetDto>> ListAsync(CancellationToken ct = default) => throw new NotSupportedException();
    public Task<AccountResult<DatasetDto>> CreateAsync(DatasetRequest request, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<AccountResult<DatasetDto>> UpdateAsync(string name, DatasetRequest request, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<string?> DeleteAsync(string name, CancellationToken ct = default) => throw new NotSupportedException();
}
