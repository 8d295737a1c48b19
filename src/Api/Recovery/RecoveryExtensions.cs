using PcDarts.Api.Infrastructure;

namespace PcDarts.Api.Recovery;

internal static class RecoveryExtensions
{
    /// <summary>The job dispatcher, the submission gate, and the reaper loop that every API instance runs (one acts at a time).</summary>
    public static IServiceCollection AddRecovery(this IServiceCollection services, string connectionString)
    {
        services.AddOptions<ReaperOptions>().BindConfiguration("PcDarts:Reaper");
        services.AddSingleton<JobDispatcher>();
        services.AddSingleton<DatabaseGate>();
        services.AddSingleton(new LeaderElection(connectionString));
        services.AddHostedService<Reaper>();
        // The last guard, not the fix: every loop waits out outages itself; should one still throw, the API keeps serving.
        services.Configure<HostOptions>(o => o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore);
        return services;
    }
}
