namespace PcDarts.Bench.Chaos;

/// <summary>The API and the runner from the build output of the benchmark's own configuration (Debug or Release).</summary>
internal sealed record Binaries(string Dotnet, string ApiDll, string Runner)
{
    public static Binaries Find()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // …/bin/Debug/net10.0/
        var root = RepositoryRoot();
        var binaries = new Binaries(
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            Path.Combine(root, "src", "Api", "bin", configuration, "net10.0", "PcDarts.Api.dll"),
            Path.Combine(root, "src", "SearchRunner", "bin", configuration, "net10.0", "pcdarts-runner"));
        foreach (var file in new[] { binaries.ApiDll, binaries.Runner })
            if (!File.Exists(file)) throw new FileNotFoundException($"{file} is missing: build the benchmark (it builds the API and the runner) with -c {configuration}");
        return binaries;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PcDarts.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root (PcDarts.sln) not found above " + AppContext.BaseDirectory);
    }
}
