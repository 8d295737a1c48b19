using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PcDarts.Api.Queues;
using PcDarts.Core.Contracts;
using PcDarts.Core.Estimates;
using PcDarts.Persistence;

namespace PcDarts.Api.Estimates;

/// <summary>
/// A spec's peak memory and epoch time on each device that could run it (the live runners of its queue), from
/// <see cref="CostModel"/> calibrated by the platform's past runs; and, for a stored experiment, the estimate beside
/// what it measured. Reads only: a dry run writes nothing.
/// </summary>
public sealed class CostEstimator(IDbContextFactory<PcDartsDbContext> contexts, TimeProvider clock)
{
    public async Task<CostEstimateDto> EstimateAsync(StepShape shape, string queue, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var runners = (await QueueBoard.LiveRunnersAsync(db, clock.GetUtcNow(), ct)).Where(r => r.Queues.Contains(queue)).ToList();
        var devices = new List<DeviceEstimateDto>();
        var groups = runners.GroupBy(r => (r.Device, Kind: r.DeviceKind ?? DeviceKinds.Cpu, r.DeviceMemoryBytes)).ToList();
        foreach (var group in groups)
        {
            var estimate = await EstimateOnAsync(db, shape, group.Key.Kind, ct);
            devices.Add(new DeviceEstimateDto(group.Key.Device, group.Key.Kind, group.Select(r => r.Name).Order(StringComparer.Ordinal).ToArray(),
                group.Key.DeviceMemoryBytes, estimate.PeakBytes, estimate.EpochSeconds,
                group.Key.DeviceMemoryBytes is not { } memory || estimate.PeakBytes <= memory, estimate.CalibrationEpochs));
        }
        string? warning = null;
        if (groups.Count == 0)
        {
            var kind = queue == Core.Jobs.JobQueues.Gpu ? DeviceKinds.Cuda : DeviceKinds.Cpu;
            var estimate = await EstimateOnAsync(db, shape, kind, ct);
            devices.Add(new DeviceEstimateDto($"any {kind} runner", kind, [], null, estimate.PeakBytes, estimate.EpochSeconds, true, estimate.CalibrationEpochs));
            warning = $"no live runner serves queue '{queue}': the experiment will wait until one starts";
        }
        else if (devices.All(d => !d.Fits))
        {
            var largest = devices.Max(d => d.DeviceMemoryBytes ?? 0);
            warning = string.Create(CultureInfo.InvariantCulture,
                $"no runner on queue '{queue}' has the {Gib(devices.Min(d => d.PeakBytes))} this spec needs (the largest has {Gib(largest)}): lower the batch size, raise K or use fewer cells");
        }
        return new CostEstimateDto(shape.Kind, queue, shape.StepsPerEpoch, devices, warning);
    }

    /// <summary>Null when there is no such experiment.</summary>
    public async Task<CostComparisonDto?> CompareAsync(Guid id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var experiment = await db.Experiments.AsNoTracking().Where(e => e.Id == id).Select(e => new { e.Kind, e.Spec }).SingleOrDefaultAsync(ct);
        if (experiment is null) return null;
        var epochs = await db.EpochMetrics.AsNoTracking().Where(r => r.ExperimentId == id).Select(r => r.Metrics).ToListAsync(ct);
        var measured = RunMeasurement.Of(experiment.Kind, epochs);
        var shape = MeasuredRuns.ShapeOf(experiment.Kind, experiment.Spec);
        var past = await MeasuredRuns.LoadAsync(db, experiment.Kind, measured.DeviceKind, except: id, ct);
        var estimate = CostModel.Estimate(shape, CostPriors.For(experiment.Kind, measured.DeviceKind), past);
        // The model speaks for a standalone runner; this run's host (an API around an in-process runner, say) held
        // what it held before the run began, and the measured peak includes it.
        return new CostComparisonDto(id, measured.DeviceKind, HostBaseline.OnHost(estimate.PeakBytes, measured.HostBytes), estimate.EpochSeconds,
            estimate.CalibrationEpochs, measured.PeakBytes, measured.EpochSeconds, measured.Epochs, measured.HostBytes);
    }

    private static async Task<CostEstimate> EstimateOnAsync(PcDartsDbContext db, StepShape shape, string deviceKind, CancellationToken ct) =>
        CostModel.Estimate(shape, CostPriors.For(shape.Kind, deviceKind), await MeasuredRuns.LoadAsync(db, shape.Kind, deviceKind, except: null, ct));

    private static string Gib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):F1} GiB");
}
