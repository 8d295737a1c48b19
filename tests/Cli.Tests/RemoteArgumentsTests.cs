using PcDarts.Cli.CommandLine;
using PcDarts.Cli.Remote;
using PcDarts.Core.Metrics;

namespace PcDarts.Cli.Tests;

public sealed class RemoteArgumentsTests
{
    [Fact]
    public void A_repeatable_option_keeps_every_value_in_order_while_others_stay_single()
    {
        var args = ClientCommandLine.Create().Parse(["submit", "search", "--tag", "a", "--name", "n", "--tag=b"]);
        Assert.Empty(args.Errors);
        Assert.Equal(["a", "b"], args.GetValue<string[]>("--tag")!);
        Assert.Equal("n", args.GetValue<string?>("--name"));
        Assert.Empty(ClientCommandLine.Create().Parse(["submit", "search"]).GetValue<string[]>("--tag")!);

        var twice = ClientCommandLine.Create().Parse(["submit", "search", "--name", "a", "--name", "b"]);
        Assert.Equal("--name is given twice", Assert.Single(twice.Errors).Message);
    }

    [Fact]
    public void The_server_must_be_an_http_url_and_the_id_a_guid()
    {
        var list = ClientCommandLine.Create().Parse(["list", "--server", "http://127.0.0.1:5080"]);
        Assert.Equal(new Uri("http://127.0.0.1:5080/"), ServerOption.Resolve(list.GetValue<string?>("--server"), "pcdarts list"));
        Assert.StartsWith("--server: expected an http:// or https:// URL",
            Assert.Throws<CliUsageException>(() => ServerOption.Resolve("localhost:5080", "pcdarts list")).Message);
        Assert.StartsWith("expected an experiment id",
            Assert.Single(ClientCommandLine.Create().Parse(["wait", "42"]).Errors).Message);
    }

    [Fact]
    public void Metrics_csv_has_a_header_and_one_invariant_culture_row_per_epoch_with_empty_cells_for_nulls()
    {
        var csv = MetricsCsv.Write([new EpochMetrics
        {
            Epoch = 1, TrainLoss = 2.5, TrainTop1 = 12.5, LearningRate = 0.1, Seconds = 3, ImagesPerSecond = 64, PeakProcessBytes = 1024,
            ArchitectureUpdated = false, HostProcessBytes = 512,
        }]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, csv.Length);
        Assert.StartsWith("epoch,trainLoss,trainTop1,validLoss", csv[0]);
        Assert.EndsWith(",dropPathProbability,hostProcessBytes", csv[0]);
        Assert.Equal("1,2.5,12.5,,,,0.1,3,64,1024,,false,,512", csv[1]);
    }
}
