using PcDarts.Core.Metrics;
using PcDarts.SearchRunner.Cli;
using PcDarts.SearchRunner.Cli.Remote;

namespace PcDarts.SearchRunner.Tests.Cli;

public sealed class RemoteArgumentsTests
{
    [Fact]
    public void A_repeatable_option_keeps_every_value_in_order_while_others_stay_single()
    {
        var args = new CommandArguments("submit search", ["--tag", "a", "--name", "n", "--tag=b"], ["--name"], [], ["--tag"]);
        Assert.Equal(["a", "b"], args.Texts("--tag"));
        Assert.True(args.Has("--tag"));
        Assert.Empty(args.Texts("--other"));

        var twice = Assert.Throws<CliUsageException>(() => new CommandArguments("submit search", ["--name", "a", "--name", "b"], ["--name"], [], ["--tag"]));
        Assert.Equal("--name is given twice", twice.Message);
    }

    [Fact]
    public void The_server_must_be_an_http_url_and_the_id_a_guid()
    {
        Assert.Equal(new Uri("http://127.0.0.1:5080/"), ServerArgument.Resolve(new CommandArguments("list", ["--server", "http://127.0.0.1:5080"], ["--server"], [])));
        Assert.StartsWith("--server: expected an http:// or https:// URL",
            Assert.Throws<CliUsageException>(() => ServerArgument.Resolve(new CommandArguments("list", ["--server", "localhost:5080"], ["--server"], []))).Message);
        Assert.StartsWith("expected an experiment id",
            Assert.Throws<CliUsageException>(() => ServerArgument.ExperimentId(new CommandArguments("wait", ["42"], [], []), "usage")).Message);
    }

    [Fact]
    public void Metrics_csv_has_a_header_and_one_invariant_culture_row_per_epoch_with_empty_cells_for_nulls()
    {
        var csv = PcDarts.Core.Metrics.MetricsCsv.Write([new EpochMetrics
        {
            Epoch = 1, TrainLoss = 2.5, TrainTop1 = 12.5, LearningRate = 0.1, Seconds = 3, ImagesPerSecond = 64, PeakProcessBytes = 1024,
            ArchitectureUpdated = false,
        }]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, csv.Length);
        Assert.StartsWith("epoch,trainLoss,trainTop1,validLoss", csv[0]);
        Assert.Equal("1,2.5,12.5,,,,0.1,3,64,1024,,false,", csv[1]);
    }
}
