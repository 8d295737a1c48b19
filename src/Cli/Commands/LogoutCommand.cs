using System.CommandLine;
using PcDarts.Cli.Remote;

namespace PcDarts.Cli.Commands;

/// <summary>`pcdarts logout`: revokes the stored token when the server can be reached, and deletes the credentials file either way.</summary>
internal static class LogoutCommand
{
    public static Command Create()
    {
        var command = new Command("logout", $"revoke the token 'pcdarts login' stored and delete {StoredCredentials.FilePath}");
        command.SetAction(_ => Run());
        return command;
    }

    private static int Run()
    {
        if (StoredCredentials.Load() is not { } stored)
        {
            Console.Error.WriteLine("not signed in: nothing to forget");
            return ExitCodes.Succeeded;
        }
        if (stored.TokenId is { } id)
        {
            try
            {
                using var api = ExperimentsClient.For(RemoteOptions.Resolve(stored.Server, stored.Token, "pcdarts logout"));
                api.RevokeTokenAsync(id, CancellationToken.None).GetAwaiter().GetResult();
                Console.Error.WriteLine($"revoked the token on {stored.Server}");
            }
            catch (Exception e) when (e is HttpRequestException or ServerProblemException or TaskCanceledException)
            {
                // Forgetting it locally is still right; the token itself lives on until revoked on the server.
                Console.Error.WriteLine($"could not revoke the token on {stored.Server} ({e.Message}): revoke it on the dashboard's My tokens page");
            }
        }
        StoredCredentials.Delete();
        Console.Error.WriteLine($"deleted {StoredCredentials.FilePath}");
        return ExitCodes.Succeeded;
    }
}
