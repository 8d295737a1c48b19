using System.Runtime.CompilerServices;
using TorchSharp;

namespace PcDarts.Engine.Tests;

internal static class TorchTestSetup
{
    /// <summary>Two busy-waiting torch threads next to another test make a step ~10× slower: tests use one.</summary>
    [ModuleInitializer]
    internal static void UseOneThread() => torch.set_num_threads(1);
}
