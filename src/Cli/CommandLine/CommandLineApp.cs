using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;

namespace PcDarts.Cli.CommandLine;

/// <summary>
/// Runs a root command the way both executables want it: help generated from the option definitions, and every user
/// mistake (a parse error, a <see cref="CliUsageException"/>, or an exception <c>describe</c> knows) as one line
/// "NAME: …" on stderr with its exit code, before anything is written.
/// </summary>
public static class CommandLineApp
{
    public const int UsageExitCode = 2;

    public static int Run(string name, RootCommand root, string[] args, Func<Exception, (string Message, int ExitCode)?>? describe = null)
    {
        var result = root.Parse(args);
        if (args.Length == 0)
        {
            // No verb at all: show what there is, but a script that forgot its verb still fails.
            root.Parse(["--help"]).Invoke();
            return UsageExitCode;
        }
        if (result.Errors.Count > 0 && result.Action is not HelpAction)
            return Fail(name, FirstError(name, result), UsageExitCode);
        try
        {
            return result.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (CliUsageException e)
        {
            return Fail(name, e.Message, UsageExitCode);
        }
        catch (Exception e) when (describe?.Invoke(e) is { } known)
        {
            return Fail(name, known.Message, known.ExitCode);
        }
    }

    /// <summary>The path of the verb that was parsed, as typed: "pcdarts submit search".</summary>
    public static string CommandPath(string name, ParseResult result)
    {
        var verbs = new List<string>();
        for (SymbolResult? r = result.CommandResult; r is CommandResult { Parent: not null } command; r = r.Parent)
            verbs.Insert(0, command.Command.Name);
        return string.Join(' ', [name, .. verbs]);
    }

    private static string FirstError(string name, ParseResult result)
    {
        var path = CommandPath(name, result);
        // An unknown token is named with the verb it was given to; System.CommandLine's own words would not say which.
        if (result.UnmatchedTokens.Count > 0)
        {
            var token = result.UnmatchedTokens[0];
            return token.StartsWith('-')
                ? $"unknown option '{token}' for '{path}' (see '{path} --help')"
                : $"unexpected argument '{token}' for '{path}' (see '{path} --help')";
        }
        return result.Errors[0].Message.TrimEnd('.');
    }

    private static int Fail(string name, string message, int exitCode)
    {
        Console.Error.WriteLine($"{name}: {message}");
        return exitCode;
    }
}
