using System.Text;

namespace PcDarts.Cli.Remote;

/// <summary>Questions on the terminal (prompts on stderr, so stdout stays for results); a piped stdin is read line by line.</summary>
internal static class Terminal
{
    public static string? Ask(string prompt)
    {
        Console.Error.Write(prompt);
        return Console.ReadLine();
    }

    /// <summary>Reads a line without echoing it; from a pipe (no terminal to hide it on) it reads the line as it is.</summary>
    public static string? AskSecret(string prompt)
    {
        Console.Error.Write(prompt);
        if (Console.IsInputRedirected) return Console.ReadLine();
        var secret = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace) { if (secret.Length > 0) secret.Length--; }
            else if (!char.IsControl(key.KeyChar)) secret.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return secret.ToString();
    }
}
