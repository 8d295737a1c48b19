namespace PcDarts.SearchRunner.Runner;

/// <summary>
/// A file whose modification time says the runner's host loop is turning (docker/compose.yaml and the Kubernetes
/// probes compare it with the clock). Touched while joining, waiting on the schema and between heartbeats, whether or
/// not the database answers: an outage is waited out, not a reason to restart the runner.
/// </summary>
public sealed class LivenessFile(string? path)
{
    public void Touch()
    {
        if (string.IsNullOrEmpty(path)) return;
        try
        {
            if (File.Exists(path)) File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
            else File.WriteAllText(path, "");
        }
        catch (IOException) { } // a full or read-only disk must not stop the runner; the probe reports it instead
        catch (UnauthorizedAccessException) { }
    }
}
