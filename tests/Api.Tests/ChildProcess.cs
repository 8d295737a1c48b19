using System.Collections.Concurrent;
using System.Diagnostics;

namespace PcDarts.Api.Tests;

/// <summary>A platform executable from the build output, run as a process of its own, with its output kept.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private ChildProcess(Process process) => _process = process;

    /// <summary>Starts <paramref name="project"/>'s executable (src/&lt;project&gt;/bin/…/&lt;assembly&gt;) with these arguments and variables.</summary>
    public static ChildProcess Start(string project, string assembly, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var psi = new ProcessStartInfo(Executable(project, assembly)) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        foreach (var (name, value) in environment) psi.Environment[name] = value;
        psi.Environment["OMP_WAIT_POLICY"] = "PASSIVE";
        var child = new ChildProcess(Process.Start(psi)!);
        child._process.OutputDataReceived += (_, e) => { if (e.Data is not null) child._lines.Enqueue(e.Data); };
        child._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) child._lines.Enqueue(e.Data); };
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    public bool HasExited => _process.HasExited;
    public IReadOnlyCollection<string> Lines => _lines;

    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_lines.FirstOrDefault(match) is { } line) return line;
            if (_process.HasExited) break;
            await Task.Delay(100);
        }
        throw new TimeoutException($"no such line within {timeout}; output:\n{string.Join("\n", _lines)}");
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no graceful shutdown.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }

    private static string Executable(string project, string assembly)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // …/bin/Debug/net10.0/
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PcDarts.sln")))
                return Path.Combine(dir.FullName, "src", project, "bin", configuration, "net10.0", assembly);
        throw new InvalidOperationException("repository root (PcDarts.sln) not found above " + AppContext.BaseDirectory);
    }
}
