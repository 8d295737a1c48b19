using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PcDarts.Core.Contracts;
using PcDarts.Core.Live;
using PcDarts.Core.Metrics;

namespace PcDarts.Cli.Remote;

/// <summary>
/// What `wait` shows: with --json one JSON object per event on stdout ({"event":"epochCompleted",…}); otherwise a
/// redrawn progress line on a terminal, or one line per epoch when stderr is piped, and a closing line on stdout.
/// </summary>
internal sealed class WaitReporter(bool json)
{
    private readonly bool _terminal = !json && !Console.IsErrorRedirected;
    private int _epochs;
    private Guid _id;
    private string _status = "";
    private EpochMetrics? _last;
    private string? _waiting;

    public void Start(ExperimentDto experiment)
    {
        _id = experiment.Id;
        _status = experiment.Status;
        _epochs = experiment.Epochs;
        if (json) Write("experiment", experiment);
        else Line($"{experiment.Kind} '{experiment.Name}' ({experiment.Id}) is {experiment.Status}");
    }

    /// <summary>Says why a queued experiment waits (its place, or that no live runner serves its queue), each time that changes.</summary>
    public void Waiting(ExperimentDto experiment)
    {
        var reason = experiment.Status == ExperimentStatuses.Queued ? experiment.WaitingReason : null;
        if (reason == _waiting) return;
        _waiting = reason;
        if (reason is null) return;
        if (json) Write("waiting", new { experimentId = experiment.Id, experiment.QueuePosition, waitingReason = reason });
        else Line($"waiting: {reason}");
    }

    public void Epoch(EpochMetrics metrics)
    {
        _last = metrics;
        if (json) Write("epochCompleted", new EpochCompletedEvent(_id, metrics));
        else if (_terminal) Draw();
        else Console.Error.WriteLine(Describe(metrics));
    }

    public void Architecture(ArchitectureUpdatedEvent e)
    {
        if (json) Write("architectureUpdated", e);
    }

    public void Log(LogLineEvent e)
    {
        if (json) Write("logLine", e);
        // Piped output already has a line per epoch; keep the rest of the log.
        else if (_terminal || !e.Text.StartsWith("epoch ", StringComparison.Ordinal)) Line($"[{e.Level}] {e.Text}");
    }

    public void Status(StatusChangedEvent e)
    {
        if (json)
        {
            Write("statusChanged", e);
            return;
        }
        if (e.Status == _status && !ExperimentStatuses.IsFinished(e.Status)) return;
        _status = e.Status;
        if (ExperimentStatuses.IsFinished(e.Status))
        {
            if (_terminal) Console.Error.WriteLine();
            Console.Out.WriteLine($"{_id} {e.Status} after {e.EpochsCompleted} epoch(s){(e.Error is null ? "" : $": {e.Error}")}");
        }
        else if (_terminal) Draw();
        else Line($"{_id} is {e.Status}");
    }

    public void Note(string text)
    {
        if (json) Write("note", new { text });
        else Line(text);
    }

    public void TimedOut(TimeSpan timeout)
    {
        if (json) Write("timeout", new { experimentId = _id, seconds = timeout.TotalSeconds, status = _status, epochsCompleted = _last?.Epoch ?? 0 });
        else
        {
            if (_terminal) Console.Error.WriteLine();
            Console.Error.WriteLine($"pcdarts: timed out after {timeout.TotalSeconds:0.#} s: {_id} is still {_status}");
        }
    }

    private static void Write(string kind, object payload)
    {
        var node = JsonSerializer.SerializeToNode(payload, ExperimentsClient.Json)!.AsObject();
        node.Insert(0, "event", kind);
        Console.Out.WriteLine(node.ToJsonString(ExperimentsClient.Json));
    }

    /// <summary>A line of its own, above the progress line on a terminal.</summary>
    private void Line(string text)
    {
        if (_terminal) Console.Error.Write("\r" + new string(' ', 110) + "\r");
        Console.Error.WriteLine(text);
        if (_terminal && _last is not null) Draw();
    }

    private void Draw()
    {
        const int width = 24;
        var done = _last?.Epoch ?? 0;
        var filled = _epochs > 0 ? (int)Math.Round(width * Math.Min(1.0, (double)done / _epochs)) : 0;
        Console.Error.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {(_last is null ? _status : Describe(_last))}   ");
    }

    private string Describe(EpochMetrics m) =>
        string.Create(CultureInfo.InvariantCulture, $"epoch {m.Epoch}/{_epochs}  loss {m.TrainLoss:F4}  train {m.TrainTop1:F2}%") +
        (m.ValidTop1 is { } v ? string.Create(CultureInfo.InvariantCulture, $"  valid {v:F2}%") : "");
}
