using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PcDarts.Persistence;

namespace PcDarts.Bench.Chaos;

/// <summary>
/// What one search left behind, from the REST API (status, genotype, attempts) and from the stored rows (epochs and
/// when each was committed). Duplicates are counted in both per-epoch tables; the unique key should keep them at 0,
/// and two attempts of one experiment that ran at the same time would be duplicated work the key merely hides.
/// </summary>
internal sealed record SearchOutcome(
    string Name, string Status, string? Genotype, int ExpectedEpochs, int DistinctEpochs, int DuplicateRows,
    TimeSpan LongestStall, int Attempts, int Interrupted, int OverlappingAttempts)
{
    public int EpochsLost => ExpectedEpochs - DistinctEpochs;

    public static async Task<SearchOutcome> ReadAsync(PlatformClient client, string connectionString, string name, Guid id, int expectedEpochs)
    {
        var experiment = await client.TryGetExperimentAsync(id) ?? throw new InvalidOperationException($"the API did not answer for {name} ({id})");
        await using var db = PersistenceExtensions.CreateContext(connectionString);
        var commits = await db.EpochMetrics.AsNoTracking().Where(r => r.ExperimentId == id)
            .Select(r => new { r.Epoch, r.RecordedAt }).ToListAsync();
        var architectureEpochs = await db.EpochArchitectures.AsNoTracking().Where(r => r.ExperimentId == id).Select(r => r.Epoch).ToListAsync();
        var times = commits.Select(c => c.RecordedAt).Order().ToList();
        var stall = times.Zip(times.Skip(1), (a, b) => b - a).DefaultIfEmpty(TimeSpan.Zero).Max();
        var attempts = experiment.GetProperty("attempts").EnumerateArray().ToList();

        return new SearchOutcome(
            name,
            experiment.GetProperty("status").GetString()!,
            experiment.GetProperty("genotype").GetString(),
            expectedEpochs,
            commits.Select(c => c.Epoch).Distinct().Count(),
            Duplicates(commits.Select(c => c.Epoch)) + Duplicates(architectureEpochs),
            stall,
            attempts.Count,
            attempts.Count(a => a.GetProperty("outcome").GetString() == "interrupted"),
            Overlaps(attempts));
    }

    private static int Duplicates(IEnumerable<int> epochs) => epochs.GroupBy(e => e).Sum(g => g.Count() - 1);

    /// <summary>Attempts that started before the one before them had finished.</summary>
    private static int Overlaps(List<JsonElement> attempts)
    {
        var spans = attempts
            .Select(a => (Start: a.GetProperty("startedAt").GetDateTimeOffset(),
                End: a.GetProperty("finishedAt").ValueKind == JsonValueKind.Null ? DateTimeOffset.MaxValue : a.GetProperty("finishedAt").GetDateTimeOffset()))
            .OrderBy(s => s.Start).ToList();
        return spans.Zip(spans.Skip(1), (a, b) => b.Start < a.End).Count(o => o);
    }
}
