using System.CommandLine;
using System.Net.Http.Json;
using PcDarts.Cli.CommandLine;
using PcDarts.Cli.Remote;
using PcDarts.Core.Contracts;

namespace PcDarts.Cli.Commands;

/// <summary>
/// `pcdarts login`: signs in with email and password once, makes a personal token named after this host, and stores it
/// with the server, so that later verbs need neither --server nor a token. `pcdarts logout` revokes and forgets it.
/// </summary>
internal static class LoginCommand
{
    public const string PasswordVariable = "PCDARTS_PASSWORD";

    public static Command Create()
    {
        var server = ServerOption.Create();
        var email = CliOption.Text("--email", "the account's email (default: asked on the terminal)", "EMAIL");
        var command = new Command("login",
            $"sign in and store a personal token for this host in {StoredCredentials.FilePath} (mode 0600); the password is asked " +
            $"without echo, or read from ${PasswordVariable}") { server, email };
        command.SetAction(r => Run(ServerOption.Resolve(r.GetValue(server), "pcdarts login"), r.GetValue(email)));
        return command;
    }

    private static int Run(Uri server, string? email)
    {
        email ??= Terminal.Ask("Email: ");
        if (string.IsNullOrWhiteSpace(email)) throw new CliUsageException("--email: an email is needed to sign in");
        var password = Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } fromEnv ? fromEnv : Terminal.AskSecret("Password: ");
        if (string.IsNullOrEmpty(password)) throw new CliUsageException($"a password is needed to sign in (typed, or in {PasswordVariable})");

        var accessToken = SignInAsync(server, email.Trim(), password).GetAwaiter().GetResult();
        using var api = ExperimentsClient.For(new Connection(server, accessToken));
        var me = api.MeAsync(CancellationToken.None).GetAwaiter().GetResult();
        var created = api.CreateTokenAsync(new CreateTokenRequest($"pcdarts on {Environment.MachineName}", null, null), CancellationToken.None)
            .GetAwaiter().GetResult();
        new StoredCredentials(server.ToString(), created.Token, created.Id).Save();
        Console.Error.WriteLine($"signed in to {server} as {me.Email} ({me.Role}); token '{created.Name}' (expires {created.ExpiresAt:yyyy-MM-dd}) stored in {StoredCredentials.FilePath}");
        return ExitCodes.Succeeded;
    }

    /// <summary>The short-lived access token POST /api/auth/login answers; a refused sign-in is exit 5 with the server's reason.</summary>
    private static async Task<string> SignInAsync(Uri server, string email, string password)
    {
        using var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(100) };
        using var response = await http.PostAsJsonAsync("api/auth/login", new LoginRequest(email, password), ExperimentsClient.Json);
        if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized)
        {
            var reason = await response.Content.ReadFromJsonAsync<Problem>(ExperimentsClient.Json);
            throw new ServerProblemException(response.StatusCode, $"sign-in refused: {reason?.Detail ?? "wrong email or password"}");
        }
        if (!response.IsSuccessStatusCode) throw await ServerProblemException.FromResponseAsync(response, CancellationToken.None);
        return (await response.Content.ReadFromJsonAsync<AccessTokenAnswer>(ExperimentsClient.Json))?.AccessToken
            ?? throw new ServerProblemException(response.StatusCode, "the server's sign-in answer has no access token");
    }

    private sealed record AccessTokenAnswer(string? AccessToken);

    private sealed record Problem(string? Detail);
}
