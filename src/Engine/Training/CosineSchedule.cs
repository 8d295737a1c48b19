namespace PcDarts.Engine.Training;

/// <summary>
/// Cosine annealing without restarts, evaluated per epoch. The authors step the scheduler at the start of each
/// epoch, so epoch e (0-based) trains with the value at e, and the last epoch never reaches lr_min (docs/pc-darts.md §8).
/// </summary>
public static class CosineSchedule
{
    public static double At(int epochIndex, int epochs, double initial, double minimum) =>
        minimum + (initial - minimum) * (1 + Math.Cos(Math.PI * epochIndex / epochs)) / 2;
}
