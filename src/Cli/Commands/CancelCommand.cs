using System.CommandLine;
using PcDarts.Cli.Remote;

namespace PcDarts.Cli.Commands;

/// <summary>`pcdarts cancel ID`: ask the platform to stop an experiment.</summary>
internal static class CancelCommand
{
    public static Command Create()
    {
        var id = ServerOption.ExperimentId();
        var remote = new RemoteOptions();
        var command = new Command("cancel",
            "cancel an experiment: a queued one ends at once, a running one at its next step ('pcdarts wait' sees it end)") { id };
        remote.AddTo(command);
        command.SetAction(r =>
        {
            using var api = remote.Connect(r, "pcdarts cancel");
            var experiment = api.CancelAsync(r.GetValue(id), CancellationToken.None).GetAwaiter().GetResult();
            Console.Error.WriteLine($"cancel requested for {experiment.Kind} '{experiment.Name}' ({experiment.Id}, {experiment.Status})");
            return ExitCodes.Succeeded;
        });
        return command;
    }
}
