using Microsoft.AspNetCore.Hosting.StaticWebAssets;
using PcDarts.Web.Components;
using PcDarts.Web.Data;

namespace PcDarts.Api.Dashboard;

/// <summary>The Blazor dashboard (PcDarts.Web) served at / with interactive server rendering.</summary>
internal static class DashboardExtensions
{
    public static void AddDashboard(this IHostApplicationBuilder builder)
    {
        // Run from a build (dotnet run, tests) in any environment, blazor.web.js and PcDarts.Web's stylesheet are read from
        // the build's static web assets manifest; only Development turns that on by itself. A no-op in a published app.
        if (builder.Environment is IWebHostEnvironment web) StaticWebAssetsLoader.UseStaticWebAssets(web, builder.Configuration);
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddScoped<IDashboardData, DashboardData>();
        services.AddScoped<IAccountsData, AccountsData>();
        services.AddScoped<ILeaderboardData, LeaderboardData>();
        services.AddScoped<IExperimentLogs, ExperimentLogsData>();
        services.AddScoped<IStudiesData, StudiesData>();
        services.AddScoped<IWaitAndCostData, WaitAndCostData>();
        services.AddScoped<IDatasetsData, DatasetsData>();
    }

    public static void MapDashboard(this WebApplication app)
    {
        // Stylesheets and scripts are the same for everyone, and the login page needs them before anyone is signed in.
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
