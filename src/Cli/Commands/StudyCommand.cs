using System.CommandLine;
using System.Text.Json;
using PcDarts.Cli.CommandLine;
using PcDarts.Cli.Remote;
using PcDarts.Core.Contracts;
using PcDarts.Core.Studies;

namespace PcDarts.Cli.Commands;

/// <summary>
/// `pcdarts submit study --spec study.json [--wait]`: queue a study (the body of POST /api/studies: name, grid, search,
/// retrain, baselines); with --wait, follow it to its end and print its per-configuration mean ± std, then each
/// configuration against the random baseline when it has one.
/// </summary>
internal static class StudyCommand
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    public static Command Create()
    {
        var remote = new RemoteOptions();
        var spec = CliOption.Text("--spec", "the study as JSON: {\"name\":…, \"grid\":{\"seed\":[1,2],\"k\":[2,4]}, \"search\":{…}, \"retrain\":{…}, \"baselines\":{\"random\":3}}", "FILE.json");
        var name = CliOption.Text("--name", "how the study is listed (overrides the file's name)", "N");
        var wait = CliOption.Flag("--wait", "follow it to its end and print its summary (exit 0 if every member succeeded, else 1)");
        var timeout = ServerOption.Timeout("with --wait: give up after this long (exit code 3)");
        var json = CliOption.Flag("--json", "print the study as one JSON line (with --wait, once it ended)");
        var command = new Command("study", "queue a study: one search per grid point (seeds × spec fields), each optionally retrained");
        remote.AddTo(command);
        foreach (var option in new Option[] { spec, name, wait, timeout, json }) command.Options.Add(option);
        command.SetAction(r =>
        {
            if (r.GetValue(spec) is null) throw new CliUsageException("'pcdarts submit study' needs --spec FILE.json");
            if (r.GetValue(timeout) is not null && !r.GetValue(wait)) throw new CliUsageException("--timeout goes with --wait");
            var limit = ServerOption.TimeoutSpan(r.GetValue(timeout));
            var request = SpecFile.Read<CreateStudyRequest>(r.GetValue(spec))!;
            if (r.GetValue(name) is { } n) request = request with { Name = n };
            using var api = remote.Connect(r, "pcdarts submit study");
            var study = api.SubmitStudyAsync(request, CancellationToken.None).GetAwaiter().GetResult();
            Console.Error.WriteLine($"submitted study '{study.Name}' as {study.Id}: {study.Members.Count} searches{(study.Retrain is null ? "" : ", each retrained")}"
                + (study.RandomMembers.Count > 0 ? $", {study.RandomMembers.Count} random genotypes retrained as the baseline" : ""));
            if (!r.GetValue(wait))
            {
                Console.Out.WriteLine(r.GetValue(json) ? JsonSerializer.Serialize(study, ExperimentsClient.Json) : study.Id.ToString());
                return ExitCodes.Succeeded;
            }
            var (ended, code) = Follow(api, study.Id, limit);
            Console.Out.WriteLine(r.GetValue(json) ? JsonSerializer.Serialize(ended, ExperimentsClient.Json) : Summary(ended));
            return code;
        });
        return command;
    }

    private static (StudyDto Study, int ExitCode) Follow(ExperimentsClient api, Guid id, TimeSpan? limit)
    {
        var deadline = limit is { } span ? DateTimeOffset.UtcNow + span : DateTimeOffset.MaxValue;
        var said = "";
        while (true)
        {
            var study = api.GetStudyAsync(id, CancellationToken.None).GetAwaiter().GetResult();
            var progress = $"{study.Status}: {study.Members.Count(m => ExperimentStatuses.IsFinished(m.SearchStatus))}/{study.Members.Count} searches, "
                + $"{study.Members.Count(m => m.RetrainStatus is { } s && ExperimentStatuses.IsFinished(s))} retrains finished"
                + (study.RandomMembers.Count > 0 ? $", {study.RandomMembers.Count(m => ExperimentStatuses.IsFinished(m.Status))}/{study.RandomMembers.Count} random" : "");
            if (progress != said) Console.Error.WriteLine(said = progress);
            if (ExperimentStatuses.IsFinished(study.Status))
                return (study, study.Status == ExperimentStatuses.Succeeded ? ExitCodes.Succeeded : ExitCodes.Failed);
            if (DateTimeOffset.UtcNow > deadline) return (study, ExitCodes.Timeout);
            Thread.Sleep(PollInterval);
        }
    }

    /// <summary>
    /// One line per configuration: search and retrained accuracy as mean ± std (n), then the best member; with a random
    /// baseline, one "vs random" line per configuration: retrained test top-1 of both, their difference and its Welch 95 % interval.
    /// </summary>
    private static string Summary(StudyDto study)
    {
        var lines = study.Configurations.Select(c =>
            $"{c.Configuration}\tsearch top-1 {c.SearchTop1.Format()}\tretrain top-1 {c.RetrainTop1.Format()}\tparameters {c.Parameters.Format("0")}"
            + $"\tsearch cost {c.SearchSeconds.Format("0.0")} s\tsearch peak {c.SearchPeakBytes.Scaled(1.0 / (1 << 20)).Format("0")} MiB"
            + (c.EdgeAgreement is { } agreement ? $"\tedge agreement {agreement:P0}" : "")).ToList();
        if (study.Best is { } best)
            lines.Add($"best: {best.Configuration}, seed {best.Seed} (search {best.SearchId}{(best.RetrainId is { } r ? $", retrain {r}" : "")})");
        lines.AddRange(study.Comparisons.Select(c =>
            $"vs random\t{c.Configuration}\tsearched {c.Searched.Format()}\trandom {c.Random.Format()}\tdifference {c.DifferenceText()}"
            + $"\t95% CI {c.IntervalText()}\tsearch cost {c.SearchSeconds.Format("0.0")} s"));
        return string.Join(Environment.NewLine, lines);
    }
}
