using System.Diagnostics;

namespace PcDarts.SearchRunner.Cli;

/// <summary>
/// Runs another pcdarts-runner verb in a child process and returns its standard output: a benchmark's peak memory must
/// be its own, not what an earlier run left in this process's allocator.
/// </summary>
internal static class SelfProcess
{
    /// <param name="what">Names the run in the error when the child fails, which quotes the child's standard error.</param>
    public static string Run(string what, IEnumerable<string> arguments)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("cannot find the pcdarts-runner executable");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // `dotnet pcdarts-runner.dll` runs under the dotnet host: pass the assembly again.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(SelfProcess).Assembly.Location);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var child = Process.Start(start)!;
        // A child's progress lines would bury the parent's table: kept, and shown only if it fails.
        var errors = child.StandardError.ReadToEndAsync();
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        if (child.ExitCode != 0) throw new InvalidOperationException($"{what} failed (exit {child.ExitCode}): {errors.Result.Trim()}");
        return output;
    }
}
