using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PcDarts.Core.Specs;
using PcDarts.Persistence.Runs;

namespace PcDarts.SearchRunner.Runner;

public sealed partial class ExperimentJob
{
    /// <summary>
    /// The registered data set the attempt's spec names, checked readable on this node before any network is built;
    /// null for a built-in. A set removed since the job was queued, or one this node cannot read, fails the job here.
    /// </summary>
    private async Task<DatasetSource?> ResolveDatasetAsync(AttemptStart attempt, CancellationToken ct)
    {
        var name = JsonDocument.Parse(attempt.Spec).RootElement.TryGetProperty("dataset", out var d) && d.ValueKind == JsonValueKind.String
            ? d.GetString()! : null;
        if (name is null || DatasetNames.All.Contains(name)) return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.Datasets.AsNoTracking().SingleOrDefaultAsync(r => r.Name == name, ct)
            ?? throw new SpecValidationException([new SpecError("dataset", $"'{name}' is neither a built-in nor a registered data set (removed after the job was queued?)")]);
        var source = row.ToSource();
        return DatasetAccess.Problem(source) is { } problem ? throw new DatasetUnavailableException(source, identity.Name, problem) : source;
    }
}
