using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PcDarts.Api.Experiments;
using PcDarts.Core.Contracts;
using PcDarts.Core.Estimates;
using PcDarts.Core.Metrics;
using PcDarts.Core.Specs;
using PcDarts.Persistence;

namespace PcDarts.Api.Estimates;

/// <summary>What one experiment's stored epochs measured: the figures the estimate is compared with and calibrated by.</summary>
/// <param name="Epochs">Epochs counted: after the warm-up for a search (they take the architecture step too), all for a retrain.</param>
/// <param name="HostBytes">On a CPU, what the process held before the run began (<see cref="HostBaseline"/>); null on a GPU or when not recorded.</param>
internal sealed record RunMeasurement(string DeviceKind, double? EpochSeconds, long? PeakBytes, int Epochs, long? HostBytes = null)
{
    public static RunMeasurement Of(string kind, IReadOnlyCollection<EpochMetrics> epochs)
    {
        var deviceKind = epochs.Any(e => e.PeakCudaBytes is not null) ? DeviceKinds.Cuda : DeviceKinds.Cpu;
        var counted = epochs.Where(e => kind != ExperimentKinds.Search || e.ArchitectureUpdated == true).ToList();
        if (counted.Count == 0) return new RunMeasurement(deviceKind, null, null, 0);
        var seconds = counted.Select(e => e.Seconds).Order().ToArray();
        // A resumed run's epochs may come from different processes: the latest start is the host of the latest epochs.
        var host = deviceKind == DeviceKinds.Cpu ? counted.LastOrDefault(e => e.HostProcessBytes is not null)?.HostProcessBytes : null;
        return new RunMeasurement(deviceKind, seconds[seconds.Length / 2], counted.Max(e => e.PeakCudaBytes ?? e.PeakProcessBytes), counted.Count, host)
        {
            StandalonePeakBytes = counted.Max(HostBaseline.StandalonePeak),
        };
    }

    /// <summary>The peak as a standalone runner would have measured it, which is what the model is calibrated in.</summary>
    public long? StandalonePeakBytes { get; private init; }
}

/// <summary>Past runs read back from PostgreSQL as <see cref="MeasuredEpoch"/>s for <see cref="CostModel"/>.</summary>
internal static class MeasuredRuns
{
    public static StepShape ShapeOf(string kind, string spec) => kind == ExperimentKinds.Search
        ? StepShape.ForSearch(JsonSerializer.Deserialize<SearchSpec>(spec, ExperimentMapping.SpecJson)!)
        : StepShape.ForRetrain(JsonSerializer.Deserialize<RetrainSpec>(spec, ExperimentMapping.SpecJson)!);

    /// <summary>The newest experiments of <paramref name="kind"/> with measured epochs on <paramref name="deviceKind"/>, newest first.</summary>
    public static async Task<IReadOnlyList<MeasuredEpoch>> LoadAsync(
        PcDartsDbContext db, string kind, string deviceKind, Guid? except, CancellationToken ct)
    {
        var experiments = await db.Experiments.AsNoTracking()
            .Where(e => e.Kind == kind && e.Id != except && e.Epochs.Any())
            .OrderByDescending(e => e.CreatedAt).Take(CostModel.CalibrationWindow * 2)
            .Select(e => new { e.Id, e.Spec }).ToListAsync(ct);
        var ids = experiments.Select(e => e.Id).ToList();
        var epochs = (await db.EpochMetrics.AsNoTracking().Where(r => ids.Contains(r.ExperimentId)).Select(r => new { r.ExperimentId, r.Metrics }).ToListAsync(ct))
            .ToLookup(r => r.ExperimentId, r => r.Metrics);
        var measured = new List<MeasuredEpoch>();
        foreach (var experiment in experiments)
        {
            var run = RunMeasurement.Of(kind, epochs[experiment.Id].ToList());
            if (run.DeviceKind == deviceKind && run is { EpochSeconds: { } seconds, StandalonePeakBytes: { } peak })
                measured.Add(new MeasuredEpoch(ShapeOf(kind, experiment.Spec), seconds, peak));
        }
        return measured;
    }
}
