using TorchSharp;

namespace PcDarts.Engine.Training;

/// <summary>
/// Torch's global generator is shared by every thread of the process, and TorchSharp's layers draw their initial
/// weights from it. A runner with several workers builds several networks at once, so seeding and building happen
/// under one lock; every later draw of a run comes from generators the run owns (augmentation, drop-path).
/// </summary>
public static class TorchRandom
{
    private static readonly Lock Gate = new();

    public static T Seeded<T>(long seed, Func<T> create)
    {
        lock (Gate)
        {
            torch.manual_seed(seed);
            return create();
        }
    }
}
