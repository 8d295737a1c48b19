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
            // batch 1024 > 256: the first 5 epochs run at `lr * (epoch + 1) / 5.0` with lr = args.learning_rate.
            var authors = epoch < 5 ? 0.5 * (epoch + 1) / 5 : scheduled;
            Assert.Equal(authors, LearningRateSchedule.Retrain(spec, epoch), 12);
        }
        Assert.Equal(0.5 / 245, LearningRateSchedule.Retrain(spec, 244), 12);
    }

    [Fact]
    public void ImageNet_retrain_warms_up_from_the_initial_rate_not_the_scheduled_one()
    {
        double[] epochs0To5 = [0.1, 0.2, 0.3, 0.4, 0.5, 0.5 * 240 / 245];
        for (var epoch = 0; epoch < epochs0To5.Length; epoch++)
            Assert.Equal(epochs0To5[epoch], LearningRateSchedule.Retrain(RetrainPresets.ImageNet, epoch), 12);
    }

    [Fact]
    public void A_cosine_retrain_with_a_large_batch_warms_up_from_the_initial_rate_too()
    {
        // train_imagenet.py --lr_scheduler cosine: the warm-up overwrites the cosine value the same way.
        var spec = RetrainPresets.ImageNet with { Schedule = LearningRateSchedules.Cosine };
        for (var epoch = 0; epoch < 5; epoch++)
            Assert.Equal(0.5 * (epoch + 1) / 5, LearningRateSchedule.Retrain(spec, epoch), 12);
        Assert.Equal(0.5 * (1 + Math.Cos(Math.PI * 5 / 250)) / 2, LearningRateSchedule.Retrain(spec, 5), 12);
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
    public void ImageNet_search_warms_up_from_the_initial_rate_over_5_epochs_then_follows_the_cosine_for_all_50_epochs()
    {
        var spec = SearchPresets.ImageNet;
        Assert.Equal((50, 1024, 0.5), (spec.Epochs, spec.BatchSize, spec.LearningRate));
        for (var epoch = 0; epoch < 50; epoch++)
        {
            var cosine = 0.5 * (1 + Math.Cos(Math.PI * epoch / 50)) / 2;
            // train_search_imagenet.py: `if epoch < 5 and args.batch_size > 256: lr * (epoch + 1) / 5.0`, lr = args.learning_rate.
            var authors = epoch < 5 ? 0.5 * (epoch + 1) / 5 : cosine;
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

    [Fact]
    public void ImageNet_search_runs_epochs_0_to_5_at_the_authors_values()
    {
        double[] epochs0To5 = [0.1, 0.2, 0.3, 0.4, 0.5, 0.5 * (1 + Math.Cos(Math.PI * 5 / 50)) / 2];
        for (var epoch = 0; epoch < epochs0To5.Length; epoch++)
            Assert.Equal(epochs0To5[epoch], LearningRateSchedule.Search(SearchPresets.ImageNet, epoch), 12);
    }

    [Fact]
    public void Cifar_shaped_search_with_a_batch_over_256_is_not_warmed_up()
    {
        // train_search.py has no warm-up whatever the batch; only train_search_imagenet.py has one.
        var spec = SearchPresets.Cifar10 with { BatchSize = 1024, LearningRate = 0.5 };
        Assert.False(LearningRateSchedule.SearchWarmsUp(spec));
        for (var epoch = 0; epoch < 50; epoch++)
            Assert.Equal(0.5 * (1 + Math.Cos(Math.PI * epoch / 50)) / 2, LearningRateSchedule.Search(spec, epoch), 12);
    }

    [Fact]
    public void ImageNet_shaped_search_with_a_batch_of_256_is_not_warmed_up()
    {
        var spec = SearchPresets.ImageNet with { BatchSize = 256 };
        for (var epoch = 0; epoch < 5; epoch++)
            Assert.Equal(0.5 * (1 + Math.Cos(Math.PI * epoch / 50)) / 2, LearningRateSchedule.Search(spec, epoch), 12);
    }
}
