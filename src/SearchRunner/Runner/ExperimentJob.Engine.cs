using PcDarts.Persistence.Runs;

namespace PcDarts.SearchRunner.Runner;

public sealed partial class ExperimentJob
{
    // Placeholder until SearchRun lands in main; replaced by the call into the engine.
    private static EngineResult RunEngine(string kind, string specJson, RunRecorder recorder, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"the {kind} engine is not in this build yet");
}
