namespace PcDarts.Api.Studies;

internal static class StudyExtensions
{
    /// <summary>Study submission, reading, cancel, delete, and the watcher that retrains each succeeded search.</summary>
    public static IServiceCollection AddStudies(this IServiceCollection services)
    {
        services.AddSingleton<StudySubmission>();
        services.AddSingleton<StudyReader>();
        services.AddSingleton<StudyRetrains>();
        services.AddSingleton<StudyCancellation>();
        services.AddSingleton<StudyDeletion>();
        services.AddHostedService<StudyWatcher>();
        return services;
    }
}
