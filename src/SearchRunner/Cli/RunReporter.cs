using System.Globalization;
using System.Text.Json.Nodes;
using PcDarts.Core.Metrics;
using PcDarts.Engine.Training;

namespace PcDarts.SearchRunner.Cli;

/// <summary>
/// How a run talks while it trains: a redrawn progress bar on a terminal, one plain line per epoch when the output
/// is piped, or one JSON object per line with --json (epoch events on stdout, nothing else there).
/// </summary>
public sealed class RunReporter(bool json) : IProgress<StepProgress>
{
    private readonly bool _terminal = !json && !Console.IsErrorRedirected;
    private DateTime _lastDraw = DateTime.MinValue;

    public bool Json => json;

    public void Report(StepProgress value)
    {
        if (!_terminal) return;
        var now = DateTime.UtcNow;
        if (value.Step != value.Steps && now - _lastDraw < TimeSpan.FromMilliseconds(100)) return;
        _lastDraw = now;
        const int width = 30;
        var filled = (int)Math.Round(width * (double)value.Step / value.Steps);
        Console.Error.Write(string.Create(CultureInfo.InvariantCulture,
            $"\repoch {value.Epoch}/{value.Epochs} [{new string('#', filled)}{new string('.', width - filled)}] {value.Step}/{value.Steps}  loss {value.RunningLoss:F4}  acc {value.RunningTop1:F1}%   "));
    }

    public void Epoch(EpochResult result)
    {
        if (json)
        {
            var line = JsonNode.Parse(RunJson.MetricsLine(result))!.AsObject();
            line.Insert(0, "event", "epoch");
            Console.Out.WriteLine(line.ToJsonString());
            return;
        }
        if (_terminal) Console.Error.Write("\r" + new string(' ', 100) + "\r");
        Console.Error.WriteLine(Describe(result.Metrics) + (result.Architecture is { } a ? $"\n  {a.Genotype.ToDartsText()}" : ""));
    }

    public void Message(string text)
    {
        if (json)
            Console.Out.WriteLine(new JsonObject { ["event"] = "message", ["text"] = text }.ToJsonString());
        else
            Console.Error.WriteLine(text);
    }

    public void Finished(JsonObject summary)
    {
        if (json)
        {
            summary.Insert(0, "event", "finished");
            Console.Out.WriteLine(summary.ToJsonString());
        }
    }

    private static string Describe(EpochMetrics m)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new System.Text.StringBuilder();
        text.Append(c, $"epoch {m.Epoch}: train loss {m.TrainLoss:F4} acc {m.TrainTop1:F2}%");
        if (m.ValidLoss is { } validLoss) text.Append(c, $" | valid loss {validLoss:F4} acc {m.ValidTop1:F2}%");
        if (m.ValidTop5 is { } top5) text.Append(c, $" top5 {top5:F2}%");
        text.Append(c, $" | lr {m.LearningRate:G4} | {m.Seconds:F1} s, {m.ImagesPerSecond:F0} img/s, peak {m.PeakProcessBytes / 1048576.0:F0} MiB");
        if (m.PeakCudaBytes is { } cuda) text.Append(c, $", cuda {cuda / 1048576.0:F0} MiB");
        if (m.ArchitectureUpdated == false) text.Append(" (warm-up: α/β frozen)");
        return text.ToString();
    }}
