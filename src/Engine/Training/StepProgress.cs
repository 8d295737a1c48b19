namespace PcDarts.Engine.Training;

/// <summary>Reported after every training step so a terminal or a log can show where an epoch stands.</summary>
public sealed record StepProgress(int Epoch, int Epochs, int Step, int Steps, double RunningLoss, double RunningTop1);
