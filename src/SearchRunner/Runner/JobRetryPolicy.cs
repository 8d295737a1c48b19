using Hangfire;

namespace PcDarts.SearchRunner.Runner;

/// <summary>
/// A job that throws is not retried: an invalid spec or a bug fails the same way again, and a GPU hour is not free.
/// A runner that dies is different: its job is not failed, it becomes visible again after the invisibility timeout
/// and another runner resumes it from its checkpoint (see <see cref="PcDarts.Persistence.Runs.ExperimentLifecycle.MaxAttempts"/>).
/// Also installs <see cref="CurrentJob"/>, through which a job learns its own id.
/// </summary>
public static class JobRetryPolicy
{
    public static void Apply()
    {
        lock (GlobalJobFilters.Filters)
        {
            GlobalJobFilters.Filters.Remove(typeof(AutomaticRetryAttribute));
            GlobalJobFilters.Filters.Add(new AutomaticRetryAttribute { Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Fail });
            GlobalJobFilters.Filters.Remove(typeof(CurrentJob));
            GlobalJobFilters.Filters.Add(new CurrentJob());
        }
    }
}
