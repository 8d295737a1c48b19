using System.Reflection;
using PcDarts.Engine.Search;

namespace PcDarts.Engine.Tests.Architecture;

/// <summary>The engine knows nothing of the platform: a reference to the queue, the database or the web host is a build break here.</summary>
public sealed class EngineReferencesTests
{
    private static readonly string[] PlatformAssemblies = ["Hangfire", "Microsoft.EntityFrameworkCore", "Npgsql", "Microsoft.AspNetCore", "PcDarts.Persistence", "PcDarts.Api"];

    [Fact]
    public void The_engine_and_what_it_references_name_no_queue_database_or_web_assembly()
    {
        var engine = typeof(SearchNetwork).Assembly;
        var seen = new HashSet<string>();
        var offending = new List<string>();
        Walk(engine.GetName(), seen, offending);

        Assert.Contains("PcDarts.Core", seen);
        Assert.Contains("TorchSharp", seen);
        Assert.Empty(offending);
    }

    /// <summary>Follows the project's own assemblies (PcDarts.*) to their references; framework and package assemblies are leaves.</summary>
    private static void Walk(AssemblyName name, HashSet<string> seen, List<string> offending)
    {
        if (!seen.Add(name.Name!)) return;
        if (PlatformAssemblies.Any(p => name.Name!.StartsWith(p, StringComparison.Ordinal))) offending.Add(name.Name!);
        if (!name.Name!.StartsWith("PcDarts.", StringComparison.Ordinal)) return;
        foreach (var reference in Assembly.Load(name).GetReferencedAssemblies()) Walk(reference, seen, offending);
    }
}
