using PcDarts.Core.Genotypes;

namespace PcDarts.Engine.Training;

/// <summary>What a finished run hands back: the genotype it found or trained, the network's size and its final weights.</summary>
/// <param name="Parameters">Weight parameters of the network that ran (without the auxiliary head for a retrain).</param>
/// <param name="MultiplyAdds">Multiply-adds of one forward pass at the run's input size (convolutions and linear layers), when measured.</param>
/// <param name="FinalWeights">The network's weights in TorchSharp's format.</param>
public sealed record RunOutcome(Genotype Genotype, long Parameters, long? MultiplyAdds, byte[] FinalWeights);
