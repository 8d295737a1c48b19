using System.Text.Json;
using PcDarts.Core.Contracts;
using PcDarts.Core.Specs;

namespace PcDarts.SearchRunner.Cli.Remote;

/// <summary>`pcdarts submit search|retrain`: queue an experiment on the platform, with the options of `search`/`train`.</summary>
internal static class SubmitCommand
{
    public const string Usage = """
        pcdarts submit search|retrain --server URL [options | --spec FILE.json] [--name N] [--tag T]... [--wait] [--json]

          --server URL          the PcDarts API (default: $PCDARTS_SERVER)
          --spec FILE.json      the spec as JSON (camelCase fields, as in the REST API); options given too override it
          --preset P            start from a preset instead (see 'pcdarts search --help' / 'pcdarts train --help')
          options               those of 'pcdarts search' (search) or 'pcdarts train' (retrain), e.g. --epochs 3 --k 2
          --queue cpu|gpu       the runners' queue (default cpu)
          --genotype G          retrain: a published name, a file (DARTS text or JSON) or DARTS text
          --from ID             retrain: the genotype a finished search found
          --name N  --tag T     how the experiment is listed (--tag may be repeated)
          --wait [--timeout S]  follow it to its end, as 'pcdarts wait'
          --json                the created experiment as one JSON line (then, with --wait, one line per event)

        Prints the new experiment's id on stdout. The server's spec defaults apply to fields not given (a search's
        are the paper's CIFAR-10 setting). Exit codes: 0 submitted (with --wait: succeeded), 1 failed or cancelled,
        2 usage error or a request the server refused (the field is named), 3 timeout, 4 server unreachable.
        """;

    public static int Run(IReadOnlyList<string> rawArgs)
    {
        if (rawArgs.Count == 0 || rawArgs[0] is not ("search" or "retrain"))
            throw new CliUsageException("'pcdarts submit' needs 'search' or 'retrain' first (pcdarts submit search --server URL …)");
        var kind = rawArgs[0];
        var common = new[] { "--server", "--spec", "--preset", "--name", "--timeout" };
        var specFlags = kind == "search" ? SearchSpecFlags.All.Names : RetrainSpecFlags.All.Names.Concat(["--genotype", "--from"]);
        var args = new CommandArguments($"submit {kind}", rawArgs.Skip(1).ToList(), common.Concat(specFlags), ["--wait", "--json"], ["--tag"]);
        args.ExpectPositionals(0, $"pcdarts submit {kind} --server URL [options]");
        var server = ServerArgument.Resolve(args);
        var timeout = ServerArgument.Timeout(args);
        if (args.Has("--timeout") && !args.Has("--wait")) throw new CliUsageException("--timeout goes with --wait");
        if (args.Has("--spec") && args.Has("--preset")) throw new CliUsageException("--spec and --preset both give the whole spec: use one");
        var json = args.Has("--json");
        var tags = args.Texts("--tag").ToArray();

        using var api = ExperimentsClient.For(server);
        ExperimentDto created;
        if (kind == "search")
        {
            var spec = SearchSpecFlags.FromArguments(args, ReadSpec<SearchSpec>(args) ?? new SearchSpec());
            created = api.SubmitSearchAsync(new CreateSearchRequest(args.Text("--name") ?? $"search {spec.Dataset}", tags, spec), CancellationToken.None)
                .GetAwaiter().GetResult();
        }
        else
        {
            var spec = RetrainSpecFlags.FromArguments(args, ReadSpec<RetrainSpec>(args) ?? new RetrainSpec());
            var (genotype, from) = RetrainSource(args);
            created = api.SubmitRetrainAsync(new CreateRetrainRequest(args.Text("--name") ?? $"retrain {spec.Dataset}", tags, genotype, from, spec), CancellationToken.None)
                .GetAwaiter().GetResult();
        }

        if (json) Console.Out.WriteLine(JsonSerializer.Serialize(created, ExperimentsClient.Json));
        else
        {
            Console.Out.WriteLine(created.Id);
            Console.Error.WriteLine($"submitted {created.Kind} '{created.Name}' as {created.Id} ({created.Status} on {created.Queue})");
        }
        return args.Has("--wait") ? WaitCommand.Follow(api, created.Id, timeout, json, useHub: true) : ExitCodes.Succeeded;
    }

    private static T? ReadSpec<T>(CommandArguments args) where T : class
    {
        if (args.Text("--spec") is not { } path) return null;
        if (!File.Exists(path)) throw new CliUsageException($"--spec: no file '{path}'");
        try
        {
            var options = new JsonSerializerOptions(ExperimentsClient.Json) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), options) ?? throw new CliUsageException($"--spec: '{path}' is empty");
        }
        catch (JsonException e)
        {
            throw new CliUsageException($"--spec: '{path}': {e.Message}");
        }
    }

    /// <summary>Exactly one of --genotype (sent as text: the server parses names, DARTS text and JSON) and --from.</summary>
    private static (string? Genotype, Guid? From) RetrainSource(CommandArguments args)
    {
        var genotype = args.Text("--genotype");
        var from = args.Text("--from");
        if ((genotype is null) == (from is null)) throw new CliUsageException("'pcdarts submit retrain' needs one of --genotype and --from");
        if (from is not null)
            return Guid.TryParse(from, out var id) ? (null, id) : throw new CliUsageException($"--from: expected an experiment id, got '{from}'");
        return (File.Exists(genotype) ? File.ReadAllText(genotype!).Trim() : genotype, null);
    }
}
