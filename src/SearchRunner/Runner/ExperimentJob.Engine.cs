using System.Text.Json;
using PcDarts.Core.Contracts;
using PcDarts.Core.Specs;
using PcDarts.Persistence.Runs;
using PcDarts.Engine.Training;

namespace PcDarts.SearchRunner.Runner;

public sealed partial class ExperimentJob
{
    private static readonly JsonSerializerOptions SpecJson = new(JsonSerializerDefaults.Web);

    private static RunResult RunEngine(AttemptStart attempt, DatasetSource? dataset, RunRecorder recorder, CancellationToken cancellationToken)
    {
        var (kind, specJson, genotype) = (attempt.Kind, attempt.Spec, attempt.Genotype);
        var outcome = kind switch
        {
            ExperimentKinds.Search => RunSearch(
                JsonSerializer.Deserialize<SearchSpec>(specJson, SpecJson) ?? throw new InvalidOperationException("empty spec"),
                dataset, recorder, cancellationToken),
            ExperimentKinds.Retrain => RunRetrain(
                JsonSerializer.Deserialize<RetrainSpec>(specJson, SpecJson) ?? throw new InvalidOperationException("empty spec"),
                Core.Genotypes.Genotype.Parse(genotype ?? throw new InvalidOperationException("a retrain needs a genotype")),
                dataset, recorder, cancellationToken),
            _ => throw new NotSupportedException($"no engine for experiments of kind '{kind}' in this build"),
        };
        return new RunResult(outcome.Genotype.ToDartsText(), outcome.Parameters, outcome.MultiplyAdds, outcome.FinalWeights);
    }

    // A platform job runs inside a process it shares: the runner's (or, embedded, the API's). Torch's thread count is
    // that process's own setting, and data come from the built-in data sets' standard places or a registered set's path,
    // so a stored spec's threads and dataDir (the local CLI's options) are dropped here whatever the row says.
    private static RunOutcome RunSearch(SearchSpec spec, DatasetSource? dataset, RunRecorder recorder, CancellationToken cancellationToken) =>
        SearchRun.Run(spec with { Threads = null, DataDir = null }, new PostgresRunStore(recorder, spec.Epochs), progress: null, cancellationToken, dataset);

    private static RunOutcome RunRetrain(RetrainSpec spec, Core.Genotypes.Genotype genotype, DatasetSource? dataset, RunRecorder recorder, CancellationToken cancellationToken) =>
        RetrainRun.Run(spec with { Threads = null, DataDir = null }, genotype, new PostgresRunStore(recorder, spec.Epochs), progress: null, cancellationToken, dataset);
}
