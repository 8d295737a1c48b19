using PcDarts.Core.Specs;
using PcDarts.Engine.Training;

namespace PcDarts.Engine.Tests.Training;

/// <summary>
/// Every epoch of the paper's settings against the authors' formulas, written out here from their scripts rather than
/// through the engine's helpers.
/// </summary>
public class LearningRateScheduleTests
{
    [Fact]
    public void ImageNet_retrain_follows_train_imagenet_py_for_all_250_epochs()
    {
        var spec = RetrainPresets.ImageNet;
        Assert.Equal((250, 1024, 0.5, 5), (spec.Epochs, spec.BatchSize, spec.LearningRate, spec.LrWarmupEpochs));
        for (var epoch = 0; epoch < 250; epoch++)
        {
            // adjust_lr: 0.5·(245 − e)/245 while more than 5 epochs remain, then 0.5·(250 − e)/(245·5).
            var scheduled = 250 - epoch > 5 ? 0.5 * (245 - epoch) / 245 : 0.5 * (250 - epoch) / (245 * 5);
            // batch 1024 > 256: the first 5 epochs scale the scheduled value by (e + 1)/5.
            var authors = epoch < 5 ? scheduled * (epoch + 1) / 5 : scheduled;
            Assert.Equal(authors, LearningRateSchedule.Retrain(spec, epoch), 12);
        }
        Assert.Equal(0.5 / 245, LearningRateSchedule.Retrain(spec, 244), 12);
    }

    [Fact]
    public void ImageNet_retrain_with_a_batch_of_256_is_not_warmed_up()
    {
        var spec = RetrainPresets.ImageNet with { BatchSize = 256 };
        for (var epoch = 0; epoch < 5; epoch++)
            Assert.Equal(0.5 * (245 - epoch) / 245, LearningRateSchedule.Retrain(spec, epoch), 12);
    }

    [Fact]
    public void Cifar_retrain_is_plain_cosine_for_all_600_epochs()
    {
        var spec = RetrainPresets.Cifar10;
        for (var epoch = 0; epoch < 600; epoch++)
            Assert.Equal(0.025 * (1 + Math.Cos(Math.PI * epoch / 600)) / 2, LearningRateSchedule.Retrain(spec, epoch), 12);
    }

    [Fact]
    public void ImageNet_search_warms_the_cosine_rate_up_over_5_epochs_for_all_50_epochs()
    {
        var spec = SearchPresets.ImageNet;
        Assert.Equal((50, 1024, 0.5), (spec.Epochs, spec.BatchSize, spec.LearningRate));
        for (var epoch = 0; epoch < 50; epoch++)
        {
            var cosine = 0.5 * (1 + Math.Cos(Math.PI * epoch / 50)) / 2;
            // train_search_imagenet.py: `if epoch < 5 and args.batch_size > 256: lr * (epoch + 1) / 5.0`.
            var authors = epoch < 5 ? cosine * (epoch + 1) / 5 : cosine;
            Assert.Equal(authors, LearningRateSchedule.Search(spec, epoch), 12);
        }
    }

    [Fact]
    public void Cifar_search_with_its_batch_of_256_is_plain_cosine_for_all_50_epochs()
    {
        var spec = SearchPresets.Cifar10;
        for (var epoch = 0; epoch < 50; epoch++)
            Assert.Equal(0.1 * (1 + Math.Cos(Math.PI * epoch / 50)) / 2, LearningRateSchedule.Search(spec, epoch), 12);
    }
}
