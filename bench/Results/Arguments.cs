namespace PcDarts.Bench.Results;

/// <summary>The command line: which server, which studies make which table, where the figure goes.</summary>
internal sealed record Arguments(Uri Server, string Token, IReadOnlyList<Guid> Table1, Guid? Table5, string? Figure)
{
    /// <summary>Null when a required flag is missing or a value does not parse.</summary>
    public static Arguments? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) return null;
            values[args[i][2..]] = args[i + 1];
        }
        var token = values.GetValueOrDefault("token") ?? Environment.GetEnvironmentVariable("PCDARTS_TOKEN");
        if (!values.TryGetValue("server", out var server) || !Uri.TryCreate(server, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(token)) return null;
        if (!values.TryGetValue("table1", out var table1)) return null;
        var ids = new List<Guid>();
        foreach (var id in table1.Split(',', StringSplitOptions.RemoveEmptyEntries))
            if (Guid.TryParse(id, out var guid)) ids.Add(guid);
            else return null;
        Guid? table5 = null;
        if (values.TryGetValue("table5", out var t5))
            if (Guid.TryParse(t5, out var guid)) table5 = guid;
            else return null;
        return new Arguments(uri, token, ids, table5, values.GetValueOrDefault("figure"));
    }
}
