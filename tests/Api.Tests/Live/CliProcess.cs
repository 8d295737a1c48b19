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

    /// <summary>Runs it with the admin's token in PCDARTS_TOKEN.</summary>
    public static CliProcess Start(params string[] args) => StartWith(new Dictionary<string, string?> { ["PCDARTS_TOKEN"] = TestUsers.AdminToken }, args);

    /// <summary>
    /// Runs it with <paramref name="environment"/> (a null value removes the variable). Its configuration folder is a fresh
    /// one unless XDG_CONFIG_HOME is given: no test reads whatever `pcdarts login` stored on this machine.
    /// </summary>
    public static CliProcess StartWith(IReadOnlyDictionary<string, string?> environment, params string[] args)
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
        start.Environment.Remove("PCDARTS_TOKEN");
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(Path.GetTempPath(), $"pcdarts-cli-config-{Guid.NewGuid():N}");
        foreach (var (name, value) in environment)
            if (value is null) start.Environment.Remove(name); else start.Environment[name] = value;
        return new CliProcess(Process.Start(start)!);
    }

    public static async Task<Result> RunAsync(TimeSpan timeout, params string[] args)
    {
        using var cli = Start(args);
        return await cli.WaitAsync(timeout);
    }

    public static async Task<Result> RunWithAsync(TimeSpan timeout, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var cli = StartWith(environment, args);
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
