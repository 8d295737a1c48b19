using PcDarts.Core.Contracts;

namespace PcDarts.Web.Data;

/// <summary>The study pages' reads and changes, through the same code as /api/studies (so the same validation and role rules).</summary>
public interface IStudiesData
{
    Task<IReadOnlyList<StudySummaryDto>> ListStudiesAsync(CancellationToken ct = default);
    Task<StudyDto?> GetStudyAsync(Guid id, CancellationToken ct = default);
    /// <summary>The new study's id, or the field errors under the API's names ("grid.k", "search.epochs"), or why it was refused.</summary>
    Task<SubmitResult> SubmitStudyAsync(CreateStudyRequest request, CancellationToken ct = default);
    /// <summary>Null when the cancel was accepted, else why not.</summary>
    Task<string?> CancelStudyAsync(Guid id, CancellationToken ct = default);
    /// <summary>Null when the study and its members were deleted, else why not (a member still queued or running, not yours).</summary>
    Task<string?> DeleteStudyAsync(Guid id, CancellationToken ct = default);
}
