using System.Diagnostics;

namespace PcDarts.Api.Tests;

/// <summary>`pcdarts-runner run` from the SearchRunner build output, in a child process of its own.</summary>
internal sealed class RunnerProcess : IDisposable
{
    private readonly Process _process;

    private RunnerProcess(Process process) => _process = process;

    public static RunnerProcess Start(string connectionString, string name, int invisibilitySeconds = 5, params string[] more)
    {
        var psi = new ProcessStartInfo(Executable())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] arguments = ["run", "--name", name, "--queues", "cpu", "--workers", "1", "--invisibility-timeout", invisibilitySeconds.ToString(), .. more];
        foreach (var a in arguments)
            psi.ArgumentList.Add(a);
        psi.Environment["ConnectionStrings__Postgres"] = connectionString;
        psi.Environment["OMP_WAIT_POLICY"] = "PASSIVE";
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new RunnerProcess(process);
    }

    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL: no graceful shutdown, the job stays fetched until its invisibility timeout.</summary>
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

    private static string Executable()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // …/bin/Debug/net10.0/
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PcDarts.sln")))
                return Path.Combine(dir.FullName, "src", "SearchRunner", "bin", configuration, "net10.0", "pcdarts-runner");
        throw new InvalidOperationException("repository root (PcDarts.sln) not found above " + AppContext.BaseDirectory);
    }
}
