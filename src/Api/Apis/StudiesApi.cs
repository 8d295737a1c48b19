using Microsoft.AspNetCore.Http.HttpResults;
using PcDarts.Api.Auth;
using PcDarts.Api.Studies;
using PcDarts.Core.Contracts;
using PcDarts.Core.Security;

namespace PcDarts.Api.Apis;

/// <summary>Studies: searches over a grid of seeds and spec fields, each optionally retrained, summed up per configuration.</summary>
public static class StudiesApi
{
    /// <summary>Studies the list returns, newest first.</summary>
    public const int MaxListed = 500;

    public static RouteGroupBuilder MapStudiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/studies").WithTags("Studies");
        // The same per-user budget of changes as the experiments' endpoints.
        api.MapPost("/", CreateStudy).WithName(nameof(CreateStudy)).RequireRateLimiting(AbuseLimits.ChangesPolicy);
        api.MapGet("/", ListStudies).WithName(nameof(ListStudies));
        api.MapGet("/{id:guid}", GetStudy).WithName(nameof(GetStudy));
        api.MapPost("/{id:guid}/cancel", CancelStudy).WithName(nameof(CancelStudy)).RequireRateLimiting(AbuseLimits.ChangesPolicy);
        api.MapDelete("/{id:guid}", DeleteStudy).WithName(nameof(DeleteStudy)).RequireRateLimiting(AbuseLimits.ChangesPolicy);
        return api;
    }

    internal static async Task<Results<Created<StudyDto>, ValidationProblem>> CreateStudy(
        CreateStudyRequest request, StudySubmission submission, StudyReader reader, CancellationToken ct)
    {
        var result = await submission.SubmitAsync(request, ct);
        if (result.StudyId is not { } id) return TypedResults.ValidationProblem(result.Errors!);
        return TypedResults.Created($"/api/studies/{id}", await reader.GetAsync(id, ct));
    }

    public static async Task<Ok<IReadOnlyList<StudySummaryDto>>> ListStudies(StudyReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.ListAsync(MaxListed, ct));

    public static async Task<Results<Ok<StudyDto>, NotFound>> GetStudy(Guid id, StudyReader reader, CancellationToken ct) =>
        await reader.GetAsync(id, ct) is { } study ? TypedResults.Ok(study) : TypedResults.NotFound();

    /// <summary>Cancels every member not final; no retrain starts after it. The study's creator or an admin only.</summary>
    public static async Task<Results<Accepted<StudyDto>, NotFound, ProblemHttpResult>> CancelStudy(
        Guid id, HttpContext http, StudyReader reader, StudyCancellation cancellation, CancellationToken ct)
    {
        if (await reader.GetAsync(id, ct) is not { } study) return TypedResults.NotFound();
        if (!ExperimentRights.MayChange(http.User, study.CreatedBy))
            return TypedResults.Problem($"study {id} belongs to {study.CreatedBy ?? "nobody"}: only its creator (a member) or an admin may cancel it",
                title: "Not yours", statusCode: StatusCodes.Status403Forbidden);
        await cancellation.CancelAsync(id, ct);
        return TypedResults.Accepted($"/api/studies/{id}", await reader.GetAsync(id, ct));
    }

    /// <summary>
    /// Deletes the study and its member experiments with all they stored. 409 while a member is queued or running
    /// (cancel the study first); the study's creator or an admin only (403).
    /// </summary>
    internal static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteStudy(Guid id, StudyDeletion deletion, CancellationToken ct)
    {
        var result = await deletion.DeleteAsync(id, ct);
        if (!result.Found) return TypedResults.NotFound();
        return result.Refusal is { } refusal
            ? TypedResults.Problem(refusal, title: result.Forbidden ? "Not yours" : "Members still active",
                statusCode: result.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict)
            : TypedResults.NoContent();
    }
}
