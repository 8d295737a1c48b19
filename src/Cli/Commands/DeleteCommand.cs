using System.CommandLine;
using PcDarts.Cli.Remote;

namespace PcDarts.Cli.Commands;

/// <summary>`pcdarts delete ID`: remove an experiment and everything it stored; `pcdarts delete study ID`: a study and its members.</summary>
internal static class DeleteCommand
{
    public static Command Create()
    {
        var command = Verb("delete", ServerOption.ExperimentId(), "",
            "delete an experiment with its metrics, α/β history, log and weights (its creator or an admin; a running one must be cancelled first, exit 2)",
            (api, id) => api.DeleteAsync(id, CancellationToken.None));
        command.Subcommands.Add(Verb("study", ServerOption.StudyId(), "study ",
            "delete a study and its member searches and retrains with all they stored (its creator or an admin; one with a member queued or running must be cancelled first, exit 2)",
            (api, id) => api.DeleteStudyAsync(id, CancellationToken.None)));
        return command;
    }

    /// <param name="what">How the deleted thing is named on stderr ("" for an experiment, "study " for a study).</param>
    private static Command Verb(string name, Argument<Guid> id, string what, string description, Func<ExperimentsClient, Guid, Task> delete)
    {
        var remote = new RemoteOptions();
        var command = new Command(name, description) { id };
        remote.AddTo(command);
        command.SetAction(r =>
        {
            using var api = remote.Connect(r, $"pcdarts delete {what}".TrimEnd());
            var target = r.GetValue(id);
            delete(api, target).GetAwaiter().GetResult();
            Console.Error.WriteLine($"deleted {what}{target}");
            return ExitCodes.Succeeded;
        });
        return command;
    }
}
