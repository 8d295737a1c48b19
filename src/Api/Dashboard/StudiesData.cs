using PcDarts.Api.Auth;
using PcDarts.Api.Studies;
using PcDarts.Core.Contracts;
using PcDarts.Core.Security;
using PcDarts.Web.Data;

namespace PcDarts.Api.Dashboard;

/// <summary>The study pages' data through the services /api/studies uses, in-process.</summary>
internal sealed class StudiesData(StudySubmission submission, StudyReader reader, StudyCancellation cancellation, StudyDeletion deletion, CurrentActor actor) : IStudiesData
{
    public Task<IReadOnlyList<StudySummaryDto>> ListStudiesAsync(CancellationToken ct = default) => reader.ListAsync(Apis.StudiesApi.MaxListed, ct);

    public Task<StudyDto?> GetStudyAsync(Guid id, CancellationToken ct = default) => reader.GetAsync(id, ct);

    public async Task<SubmitResult> SubmitStudyAsync(CreateStudyRequest request, CancellationToken ct = default)
    {
        try
        {
            var result = await submission.SubmitAsync(request, ct);
            return result.StudyId is { } id ? SubmitResult.Created(id) : new SubmitResult(null, result.Errors!.AsReadOnly());
        }
        catch (Exception e) when (e is ExperimentAccessDeniedException or ActiveExperimentCapException)
        {
            return SubmitResult.Refused(e.Message);
        }
    }

    public async Task<string?> CancelStudyAsync(Guid id, CancellationToken ct = default)
    {
        if (await reader.GetAsync(id, ct) is not { } study) return $"no study {id}";
        if (actor.User is not { } user || !ExperimentRights.MayChange(user, study.CreatedBy))
            return $"study {id} belongs to {study.CreatedBy ?? "nobody"}: only its creator (a member) or an admin may cancel it";
        try
        {
            await cancellation.CancelAsync(id, ct);
            return null;
        }
        catch (ExperimentAccessDeniedException e) { return e.Message; }
    }

    public async Task<string?> DeleteStudyAsync(Guid id, CancellationToken ct = default)
    {
        try
        {
            var result = await deletion.DeleteAsync(id, ct);
            return result.Found ? result.Refusal : $"no study {id}";
        }
        catch (ExperimentAccessDeniedException e) { return e.Message; }
    }
}
