using System.Text.Json;
using PcDarts.Core.Specs;
using PcDarts.Persistence.Entities;
using PcDarts.Persistence.Runs;
using PcDarts.SearchRunner.Training;

namespace PcDarts.SearchRunner.Runner;

public sealed partial class ExperimentJob
{
    private static readonly JsonSerializerOptions SpecJson = new(JsonSerializerDefaults.Web);

    private static EngineResult RunEngine(string kind, string specJson, string? genotype, RunRecorder recorder, CancellationToken cancellationToken)
    {
        var store = new PostgresRunStore(recorder);
        var outcome = kind switch
        {
            ExperimentKinds.Search => SearchRun.Run(
                JsonSerializer.Deserialize<SearchSpec>(specJson, SpecJson) ?? throw new InvalidOperationException("empty spec"),
                store, progress: null, cancellationToken),
            ExperimentKinds.Retrain => RetrainRun.Run(
                JsonSerializer.Deserialize<RetrainSpec>(specJson, SpecJson) ?? throw new InvalidOperationException("empty spec"),
                Core.Genotypes.Genotype.Parse(genotype ?? throw new InvalidOperationException("a retrain needs a genotype")),
                store, progress: null, cancellationToken),
            _ => throw new NotSupportedException($"no engine for experiments of kind '{kind}' in this build"),
        };
        return new EngineResult(outcome.Genotype.ToDartsText(), outcome.Parameters, outcome.MultiplyAdds, outcome.FinalWeights);
    }
}
