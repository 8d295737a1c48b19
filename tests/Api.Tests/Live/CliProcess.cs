using System.Collections.Concurrent;
using System.Diagnostics;

namespace PcDarts.Api.Tests.Live;

/// <summary>The real `pcdarts` client (src/Cli, copied next to the tests by their reference to it), run as a CI script would.</summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();

    private CliProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _stdout.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _stderr.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public sealed record Result(int ExitCode, IReadOnlyList<string> Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout:\n{string.Join('\n', Stdout)}\nstderr:\n{Stderr}";
    }

    public IReadOnlyList<string> StdoutLines => _stdout.ToList();

    public static CliProcess Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "pcdarts.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment.Remove("PCDARTS_SERVER");
        start.Environment["PCDARTS_TOKEN"] = TestUsers.AdminToken;
        return new CliProcess(Process.Start(start)!);
    }

    public static async Task<Result> RunAsync(TimeSpan timeout, params string[] args)
    {
        using var cli = Start(args);
        return await cli.WaitAsync(timeout);
    }

    public async Task<Result> WaitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"pcdarts did not finish in {timeout}:\n{string.Join('\n', _stdout)}\n{string.Join('\n', _stderr)}");
        }
        _process.WaitForExit(); // drains the redirected streams
        return new Result(_process.ExitCode, _stdout.ToList(), string.Join('\n', _stderr));
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
