using System.Runtime.CompilerServices;
using TorchSharp;

namespace PcDarts.Api.Tests;

internal static class TorchTestSetup
{
    /// <summary>The embedded runner trains in this process: one torch thread, as in the engine's tests (docs/stack.md, TorchSharp threads).</summary>
    [ModuleInitializer]
    internal static void UseOneThread() => torch.set_num_threads(1);
}
