using System.Text.Json;
using PcDarts.Core.Contracts;
using PcDarts.Core.Studies;

namespace PcDarts.Core.Tests.Studies;

/// <summary>The study bodies under bench/studies are what docs/results.md is reproduced with: each must expand and validate.</summary>
public class BenchStudySpecTests
{
    public static TheoryData<string> Specs()
    {
        var folder = Path.Combine(RepositoryRoot(), "bench", "studies");
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Each_bench_study_expands_into_valid_members(string file)
    {
        var json = File.ReadAllText(Path.Combine(RepositoryRoot(), "bench", "studies", file));
        var request = JsonSerializer.Deserialize<CreateStudyRequest>(json, StudyGrid.Json)!;

        var (points, errors) = StudyGrid.Expand(request.Search!, request.Grid);

        Assert.Empty(errors);
        Assert.NotEmpty(points);
        Assert.Empty(request.Retrain!.Validate());
        Assert.Empty(RandomBaseline.Validate(request.Baselines?.Random ?? 0, retrains: true));
        // The same search budget in every member of a table: only the grid's keys differ.
        Assert.All(points, p => Assert.Equal(request.Search!.Epochs, p.Spec.Epochs));
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "PcDarts.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new DirectoryNotFoundException("PcDarts.sln not found above the test's folder");
    }
}
