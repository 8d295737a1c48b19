using System.Diagnostics;
using PcDarts.Core.Specs;
using PcDarts.SearchRunner.Search;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace PcDarts.SearchRunner.Tests.Search;

/// <summary>
/// Forward time of the paper's CIFAR search network (C = 16, 8 cells, K = 4) at batch 32 on one torch thread.
/// Runs only with PCDARTS_BENCH=1: it takes seconds, and timing is meaningless on a shared machine in CI.
/// </summary>
public class SearchForwardBenchmark(ITestOutputHelper output)
{
    [Fact]
    public void Forward_and_backward_time()
    {
        if (Environment.GetEnvironmentVariable("PCDARTS_BENCH") != "1") return;
        torch.manual_seed(0);
        using var network = SearchNetwork.Create(new SearchNetworkOptions(NetworkShapes.Cifar, 16, 8, 4, 4, true, 3, 10), CPU);
        var batch = int.TryParse(Environment.GetEnvironmentVariable("PCDARTS_BENCH_BATCH"), out var b) ? b : 32;
        using var x = torch.randn(batch, 3, 32, 32);
        using var target = torch.randint(0, 10, [batch]);
        var forward = new List<double>();
        var step = new List<double>();
        for (var i = 0; i < 6; i++)
        {
            using var scope = torch.NewDisposeScope();
            var clock = Stopwatch.StartNew();
            var logits = network.call(x);
            forward.Add(clock.Elapsed.TotalMilliseconds);
            nn.functional.cross_entropy(logits, target).backward();
            step.Add(clock.Elapsed.TotalMilliseconds);
            network.zero_grad();
            foreach (var p in network.Architecture.All) p.grad?.zero_();
        }
        // The first pass pays for allocation warm-up; report the median of the rest.
        double Median(List<double> v) => v.Skip(1).Order().ElementAt((v.Count - 1) / 2);
        output.WriteLine($"batch {batch}, threads {torch.get_num_threads()}: forward median {Median(forward):F0} ms, forward+backward median {Median(step):F0} ms; all forward {string.Join(", ", forward.Select(t => t.ToString("F0")))}");
    }
}
