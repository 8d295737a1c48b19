using Microsoft.Extensions.DependencyInjection;
using PcDarts.Core.Contracts;
using PcDarts.Core.Live;
using PcDarts.Web.Components.ExperimentPanels;
using PcDarts.Web.Data;

namespace PcDarts.Web.Tests;

/// <summary>The log panel shows the stored lines, then follows the live ones, reading from the store what it missed.</summary>
public sealed class ExperimentLogPanelTests : BunitContext
{
    private static readonly Guid Id = Guid.NewGuid();
    private readonly StoredLog _store = new();
    private readonly LiveStream _stream = new();

    public ExperimentLogPanelTests()
    {
        Services.AddSingleton<IExperimentLogs>(_store);
        Services.AddSingleton<IExperimentEventStream>(_stream);
    }

    [Fact]
    public async Task Shows_stored_lines_oldest_first_appends_live_ones_and_fills_a_gap_from_the_store()
    {
        _store.Add(3);
        var cut = Render<ExperimentLogPanel>(p => p.Add(c => c.ExperimentId, Id));
        cut.WaitForAssertion(() => Assert.Equal(["line 1", "line 2", "line 3"], Texts(cut)));

        _store.Add(1);
        await cut.InvokeAsync(() => _stream.Client!.LogLine(_store.Event(4)));
        cut.WaitForAssertion(() => Assert.Equal(["line 1", "line 2", "line 3", "line 4"], Texts(cut)));

        // Lines 5 and 6 went by unseen (a relay hiccup): line 7's number tells, and the panel reads them.
        _store.Add(3);
        await cut.InvokeAsync(() => _stream.Client!.LogLine(_store.Event(7)));
        cut.WaitForAssertion(() => Assert.Equal(Enumerable.Range(1, 7).Select(i => $"line {i}"), Texts(cut)));

        await cut.InvokeAsync(() => _stream.Client!.LogLine(_store.Event(7))); // again: not shown twice
        Assert.Equal(7, Texts(cut).Count);
    }

    /// <summary>The lines top to bottom as a reader sees them (the markup holds them newest first, shown reversed by CSS).</summary>
    private static List<string> Texts(IRenderedComponent<ExperimentLogPanel> cut) =>
        cut.FindAll(".log-line").Reverse().Select(e => e.TextContent[(e.TextContent.IndexOf(' ') + 1)..]).ToList();

    private sealed class StoredLog : IExperimentLogs
    {
        private readonly List<LogLineDto> _lines = [];

        public void Add(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var n = _lines.Count + 1;
                _lines.Add(new LogLineDto(n, DateTimeOffset.UtcNow, "info", $"line {n}"));
            }
        }

        public LogLineEvent Event(long sequence)
        {
            var line = _lines[(int)sequence - 1];
            return new LogLineEvent(Id, line.At, line.Level, line.Text, line.Sequence);
        }

        public Task<LogPage?> GetLogsAsync(Guid id, long after = 0, CancellationToken ct = default) =>
            Task.FromResult<LogPage?>(new LogPage(id, ExperimentStatuses.Running, _lines.Where(l => l.Sequence > after).ToList()));
    }
}
