using System.CommandLine;
using PcDarts.Cli.Remote;

namespace PcDarts.Cli.Commands;

/// <summary>`pcdarts delete ID`: remove an experiment and everything it stored; `pcdarts delete study ID`: a study and its members.</summary>
internal static class DeleteCommand
{
    public static Command Create()
    {
        var id = ServerOption.ExperimentId();
        var remote = new RemoteOptions();
        var command = new Command("delete",
            "delete an experiment with its metrics, α/β history, log and weights (its creator or an admin; a running one must be cancelled first, exit 2)") { id, Study() };
        remote.AddTo(command);
        command.SetAction(r =>
        {
            using var api = remote.Connect(r, "pcdarts delete");
            var experiment = r.GetValue(id);
            api.DeleteAsync(experiment, CancellationToken.None).GetAwaiter().GetResult();
            Console.Error.WriteLine($"deleted {experiment}");
            return ExitCodes.Succeeded;
        });
        return command;
    }

    private static Command Study()
    {
        var id = ServerOption.StudyId();
        var remote = new RemoteOptions();
        var command = new Command("study",
            "delete a study and its member searches and retrains with all they stored (its creator or an admin; one with a member queued or running must be cancelled first, exit 2)") { id };
        remote.AddTo(command);
        command.SetAction(r =>
        {
            using var api = remote.Connect(r, "pcdarts delete study");
            var study = r.GetValue(id);
            api.DeleteStudyAsync(study, CancellationToken.None).GetAwaiter().GetResult();
            Console.Error.WriteLine($"deleted study {study}");
            return ExitCodes.Succeeded;
        });
        return command;
    }
}
