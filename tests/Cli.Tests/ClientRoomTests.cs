namespace PcDarts.Cli.Tests;

/// <summary>The client is a room of its own: installing it must not bring libtorch along.</summary>
public sealed class ClientRoomTests
{
    [Fact]
    public void The_client_build_output_holds_no_TorchSharp_or_libtorch_file_and_its_deps_name_none()
    {
        var output = ClientBuildOutput();
        var files = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();

        Assert.Contains("pcdarts.dll", files);
        Assert.DoesNotContain(files, f => f!.Contains("torch", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(files, f => f!.StartsWith("PcDarts.Engine", StringComparison.Ordinal) || f.StartsWith("PcDarts.Persistence", StringComparison.Ordinal));
        var deps = File.ReadAllText(Path.Combine(output, "pcdarts.deps.json"));
        Assert.DoesNotContain("TorchSharp", deps, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("libtorch", deps, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>src/Cli's own bin folder, in the configuration these tests were built in.</summary>
    private static string ClientBuildOutput()
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory).Name;                 // …/bin/Debug/net10.0/
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PcDarts.sln")))
                return Path.Combine(dir.FullName, "src", "Cli", "bin", configuration, framework);
        throw new InvalidOperationException("repository root (PcDarts.sln) not found above " + AppContext.BaseDirectory);
    }
}
