namespace PcDarts.Cli.Remote;

/// <summary>The API's credential for the remote verbs: a personal token (pcd_…) in PCDARTS_TOKEN, sent as a bearer token.</summary>
internal static class TokenVariable
{
    public const string Name = "PCDARTS_TOKEN";

    public static string? Read() => Environment.GetEnvironmentVariable(Name) is { Length: > 0 } token ? token.Trim() : null;
}
