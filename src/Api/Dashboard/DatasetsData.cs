using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using PcDarts.Api.Apis;
using PcDarts.Core.Contracts;
using PcDarts.Web.Data;

namespace PcDarts.Api.Dashboard;

/// <summary>The data sets' page and the forms' data-set choices through <see cref="DatasetsApi"/> in-process, one <see cref="CircuitCall"/> each.</summary>
internal sealed class DatasetsData(IServiceScopeFactory scopes, AuthenticationStateProvider state, TimeProvider clock) : IDatasetsData
{
    public async Task<IReadOnlyList<DatasetChoice>> ListChoicesAsync(CancellationToken ct = default)
    {
        await using var call = await CircuitCall.StartAsync(scopes, state, ct);
        return (await DatasetsApi.ListDatasetChoices(call.Db, ct)).Value!;
    }

    public async Task<IReadOnlyList<DatasetDto>> ListAsync(CancellationToken ct = default)
    {
        await using var call = await CircuitCall.StartAsync(scopes, state, ct);
        return (await DatasetsApi.ListDatasets(call.Db, ct)).Value!;
    }

    public async Task<AccountResult<DatasetDto>> CreateAsync(DatasetRequest request, CancellationToken ct = default)
    {
        await using var call = await AdminCallAsync(ct);
        return (await DatasetsApi.CreateDataset(request, call.User, call.Http, call.Db, clock)).Result switch
        {
            Created<DatasetDto> created => AccountResult<DatasetDto>.Done(created.Value!),
            ValidationProblem problem => new(null, problem.ProblemDetails.Errors.AsReadOnly()),
            ProblemHttpResult problem => AccountResult<DatasetDto>.Failed("name", problem.ProblemDetails.Detail ?? problem.ProblemDetails.Title ?? "refused"),
            var other => AccountResult<DatasetDto>.Failed("", $"unexpected result {other}"),
        };
    }

    public async Task<AccountResult<DatasetDto>> UpdateAsync(string name, DatasetRequest request, CancellationToken ct = default)
    {
        await using var call = await AdminCallAsync(ct);
        return (await DatasetsApi.UpdateDataset(name, request, call.User, call.Http, call.Db, clock)).Result switch
        {
            Ok<DatasetDto> ok => AccountResult<DatasetDto>.Done(ok.Value!),
            NotFound => AccountResult<DatasetDto>.Failed("name", $"no data set '{name}'"),
            ValidationProblem problem => new(null, problem.ProblemDetails.Errors.AsReadOnly()),
            var other => AccountResult<DatasetDto>.Failed("", $"unexpected result {other}"),
        };
    }

    public async Task<string?> DeleteAsync(string name, CancellationToken ct = default)
    {
        await using var call = await AdminCallAsync(ct);
        return (await DatasetsApi.DeleteDataset(name, call.User, call.Http, call.Db, clock)).Result is NoContent ? null : $"no data set '{name}'";
    }

    private Task<CircuitCall> AdminCallAsync(CancellationToken ct) => CircuitCall.StartAsAdminAsync(scopes, state, "manage data sets", ct);
}
