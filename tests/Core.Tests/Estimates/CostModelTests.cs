using PcDarts.Core.Contracts;
using PcDarts.Core.Estimates;
using PcDarts.Core.Specs;

namespace PcDarts.Core.Tests.Estimates;

public class CostModelTests
{
    private static readonly SearchSpec Small = new() { Dataset = DatasetNames.Synthetic, Channels = 8, Layers = 5, BatchSize = 16, K = 4, Epochs = 2, WarmupEpochs = 0 };

    [Fact]
    public void Partial_channels_divide_the_mixed_ops_work_by_K()
    {
        var k1 = StepShape.ForSearch(Small with { K = 1 });
        var k4 = StepShape.ForSearch(Small);

        Assert.Equal(k1.FullUnits, k4.FullUnits);
        Assert.Equal(k1.PartialUnits / 4, k4.PartialUnits, 6);
        Assert.Equal(5 * 14, k4.Operations);
        // Five cells with reductions after the first and third: 14 edges × (8·32² + 2·16·16² + 2·32·8²) elements per image.
        Assert.Equal(14 * (8 * 1024 + 2 * 16 * 256 + 2 * 32 * 64), k1.FullUnits);
    }

    [Fact]
    public void A_search_epoch_steps_through_the_weight_half_of_the_training_set()
    {
        var shape = StepShape.ForSearch(Small with { Subset = 1000, BatchSize = 64 });

        Assert.Equal(8, shape.StepsPerEpoch); // 500 weight examples in batches of 64
        Assert.Equal(1000L * 3 * 32 * 32, shape.DataBytes);
    }

    [Theory]
    // The searches the CPU prior was fitted on (CostPriors): peak resident MiB and the median epoch's seconds.
    [InlineData(8, 8, 32, 4, 783.5, 26.51)]
    [InlineData(12, 5, 16, 2, 680.8, 15.58)]
    [InlineData(16, 5, 16, 1, 1199.6, 23.54)]
    [InlineData(16, 8, 32, 8, 929.5, 22.54)]
    [InlineData(8, 5, 32, 1, 1149.3, 23.79)]
    [InlineData(8, 5, 32, 4, 619.4, 13.24)]
    [InlineData(4, 5, 16, 2, 425.1, 10.50)]
    [InlineData(8, 5, 16, 8, 402.0, 8.66)]
    [InlineData(8, 8, 16, 2, 747.9, 17.63)]
    public void The_prior_reproduces_the_searches_it_was_fitted_on(int channels, int layers, int batch, int k, double peakMib, double epochSeconds)
    {
        var shape = StepShape.ForSearch(Small with { Channels = channels, Layers = layers, BatchSize = batch, K = k, Subset = batch * 16 });

        var estimate = CostModel.Estimate(shape, CostPriors.For(ExperimentKinds.Search, DeviceKinds.Cpu), []);

        Assert.InRange(estimate.PeakBytes / (double)(1 << 20), peakMib * 0.95, peakMib * 1.05);
        Assert.InRange(estimate.EpochSeconds, epochSeconds * 0.75, epochSeconds * 1.25);
        Assert.Equal(0, estimate.CalibrationEpochs);
    }

    [Fact]
    public void Past_runs_on_the_device_scale_the_prior_by_their_median_ratio()
    {
        var prior = CostPriors.For(ExperimentKinds.Search, DeviceKinds.Cpu);
        var shape = StepShape.ForSearch(Small);
        var other = StepShape.ForSearch(Small with { Channels = 16 });
        MeasuredEpoch Measured(StepShape s, double timeRatio, double memoryRatio) =>
            new(s, prior.EpochSeconds(s) * timeRatio, (long)(prior.PeakBytes(s) * memoryRatio));

        var estimate = CostModel.Estimate(shape, prior, [Measured(other, 2, 1.5), Measured(other, 2.2, 1.5), Measured(shape, 50, 1.2)]);

        Assert.Equal(prior.EpochSeconds(shape) * 2.2, estimate.EpochSeconds, 6);
        Assert.Equal(prior.PeakBytes(shape) * 1.5, estimate.PeakBytes, (double)(1 << 20));
        Assert.Equal(3, estimate.CalibrationEpochs);
    }

    [Fact]
    public void Runs_of_the_other_kind_do_not_calibrate()
    {
        var prior = CostPriors.For(ExperimentKinds.Search, DeviceKinds.Cpu);
        var retrain = StepShape.ForRetrain(new RetrainSpec { Dataset = DatasetNames.Synthetic });

        var estimate = CostModel.Estimate(StepShape.ForSearch(Small), prior, [new MeasuredEpoch(retrain, 1000, 1L << 40)]);

        Assert.Equal(0, estimate.CalibrationEpochs);
        Assert.Equal(prior.EpochSeconds(StepShape.ForSearch(Small)), estimate.EpochSeconds, 9);
    }

    [Fact]
    public void A_gpu_is_faster_and_starts_from_the_cuda_context()
    {
        var shape = StepShape.ForSearch(new SearchSpec());
        var cpu = CostModel.Estimate(shape, CostPriors.For(ExperimentKinds.Search, DeviceKinds.Cpu), []);
        var gpu = CostModel.Estimate(shape, CostPriors.For(ExperimentKinds.Search, DeviceKinds.Cuda), []);

        Assert.True(gpu.EpochSeconds < cpu.EpochSeconds / 10);
        Assert.True(gpu.PeakBytes > cpu.PeakBytes - (1L << 30) && gpu.PeakBytes > 1L << 30);
    }
}
