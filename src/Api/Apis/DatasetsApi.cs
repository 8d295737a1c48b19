using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PcDarts.Api.Auth;
using PcDarts.Api.Infrastructure;
using PcDarts.Core.Contracts;
using PcDarts.Core.Security;
using PcDarts.Core.Specs;
using PcDarts.Persistence;
using PcDarts.Persistence.Entities;
using PcDarts.Persistence.Identity;

namespace PcDarts.Api.Apis;

/// <summary>
/// Registered data sets: any signed-in user lists them (a spec may name one like a built-in); admins register, change
/// and remove them. The rules are <see cref="DatasetRegistration"/>'s; each change goes into the audit log.
/// </summary>
public static class DatasetsApi
{
    public static RouteGroupBuilder MapDatasetsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/datasets").WithTags("Datasets");
        api.MapGet("/", ListDatasets).WithName(nameof(ListDatasets));
        api.MapGet("/choices", ListDatasetChoices).WithName(nameof(ListDatasetChoices));
        api.MapPost("/", CreateDataset).WithName(nameof(CreateDataset)).RequireAuthorization(PlatformRoles.Admin);
        api.MapPut("/{name}", UpdateDataset).WithName(nameof(UpdateDataset)).RequireAuthorization(PlatformRoles.Admin);
        api.MapDelete("/{name}", DeleteDataset).WithName(nameof(DeleteDataset)).RequireAuthorization(PlatformRoles.Admin);
        return api;
    }

    public static async Task<Ok<List<DatasetDto>>> ListDatasets(PcDartsDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Datasets.AsNoTracking().OrderBy(d => d.Name).ToListAsync(ct)).Select(ToDto).ToList());

    /// <summary>Every name a spec's <c>dataset</c> may take here, built-ins first, with the sizes the forms show.</summary>
    public static async Task<Ok<List<DatasetChoice>>> ListDatasetChoices(PcDartsDbContext db, CancellationToken ct)
    {
        var builtIns = DatasetNames.All.Select(n => new DatasetChoice(n, DatasetNames.NativeSize(n), DatasetNames.Classes(n), BuiltIn: true));
        var registered = await db.Datasets.AsNoTracking().OrderBy(d => d.Name)
            .Select(d => new DatasetChoice(d.Name, d.ImageSize, d.Classes, false)).ToListAsync(ct);
        return TypedResults.Ok(builtIns.Concat(registered).ToList());
    }

    public static async Task<Results<Created<DatasetDto>, ValidationProblem, ProblemHttpResult>> CreateDataset(
        DatasetRequest request, ClaimsPrincipal admin, HttpContext http, PcDartsDbContext db, TimeProvider clock)
    {
        var errors = DatasetRegistration.Validate(request.Name, request.Format, request.Path, request.ImageSize, request.Classes, request.Description);
        if (errors.Count > 0) return Invalid(errors);
        if (await db.Datasets.AnyAsync(d => d.Name == request.Name, http.RequestAborted)) return Duplicate(request.Name!);

        var now = clock.GetUtcNow();
        var row = new RegisteredDataset { Name = request.Name!, Format = request.Format!, Path = request.Path!, CreatedAt = now };
        Apply(row, request, now);
        db.Datasets.Add(row);
        AuditLog.Add(db, admin.Email(), AuditActions.DatasetRegistered, row.Name, now, $"{row.Format} at {row.Path}", http);
        try
        {
            await db.SaveChangesAsync(http.RequestAborted);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return Duplicate(row.Name); // registered by someone else between the check and the insert
        }
        return TypedResults.Created($"/api/datasets/{row.Name}", ToDto(row));
    }

    public static async Task<Results<Ok<DatasetDto>, NotFound, ValidationProblem>> UpdateDataset(
        string name, DatasetRequest request, ClaimsPrincipal admin, HttpContext http, PcDartsDbContext db, TimeProvider clock)
    {
        var row = await db.Datasets.SingleOrDefaultAsync(d => d.Name == name, http.RequestAborted);
        if (row is null) return TypedResults.NotFound();
        var errors = DatasetRegistration.Validate(name, request.Format, request.Path, request.ImageSize, request.Classes, request.Description, checkName: false).ToList();
        if (request.Name is not null && request.Name != name) errors.Add(new SpecError("name", $"a registered set keeps its name ('{name}'); remove it and register '{request.Name}' instead"));
        if (errors.Count > 0) return Invalid(errors);

        var now = clock.GetUtcNow();
        Apply(row, request, now);
        AuditLog.Add(db, admin.Email(), AuditActions.DatasetChanged, row.Name, now, $"{row.Format} at {row.Path}", http);
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Ok(ToDto(row));
    }

    public static async Task<Results<NoContent, NotFound>> DeleteDataset(string name, ClaimsPrincipal admin, HttpContext http, PcDartsDbContext db, TimeProvider clock)
    {
        var row = await db.Datasets.SingleOrDefaultAsync(d => d.Name == name, http.RequestAborted);
        if (row is null) return TypedResults.NotFound();
        db.Datasets.Remove(row);
        AuditLog.Add(db, admin.Email(), AuditActions.DatasetRemoved, row.Name, clock.GetUtcNow(), null, http);
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.NoContent();
    }

    /// <summary>The names a spec's <c>dataset</c> may take on this platform: the built-ins and the registered sets.</summary>
    internal static async Task<IReadOnlyList<string>> KnownNamesAsync(PcDartsDbContext db, CancellationToken ct) =>
        [.. DatasetNames.All, .. await db.Datasets.AsNoTracking().OrderBy(d => d.Name).Select(d => d.Name).ToListAsync(ct)];

    private static void Apply(RegisteredDataset row, DatasetRequest request, DateTimeOffset now)
    {
        row.Format = request.Format!;
        row.Path = request.Path!;
        row.ImageSize = request.ImageSize!.Value;
        row.Classes = request.Classes!.Value;
        row.Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim();
        row.UpdatedAt = now;
    }

    private static ValidationProblem Invalid(IEnumerable<SpecError> errors)
    {
        var validation = new Validation();
        foreach (var e in errors) validation.Add(e.Field, e.Message);
        return TypedResults.ValidationProblem(validation.ToDictionary());
    }

    private static ProblemHttpResult Duplicate(string name) =>
        TypedResults.Problem($"a data set named '{name}' is already registered", title: "Already registered", statusCode: StatusCodes.Status409Conflict);

    internal static DatasetDto ToDto(RegisteredDataset d) => new(d.Name, d.Format, d.Path, d.ImageSize, d.Classes, d.Description, d.CreatedAt, d.UpdatedAt);
}
