namespace PcDarts.Engine.Training;

/// <summary>A checkpoint that belongs to another run: resuming from it would silently continue something else.</summary>
public sealed class CheckpointMismatchException(string message) : InvalidOperationException(message);
