namespace PcDarts.Engine.Training;

/// <summary>The weights a retrain was told to start from do not fit its network; the message names the file and what differs.</summary>
public sealed class InitialWeightsException(string message, Exception inner) : Exception(message, inner);
