using System.Collections.Concurrent;

namespace PcDarts.SearchRunner.Runner;

/// <summary>Who this runner is and which experiments its workers run now (read by the heartbeat).</summary>
public sealed class RunnerIdentity(string name)
{
    private readonly ConcurrentDictionary<Guid, byte> _current = new();

    public string Name { get; } = name;
    public Guid? CurrentExperimentId => _current.Keys.FirstOrDefault() is var id && id != Guid.Empty ? id : null;

    public void Started(Guid experimentId) => _current[experimentId] = 0;
    public void Finished(Guid experimentId) => _current.TryRemove(experimentId, out _);
}
