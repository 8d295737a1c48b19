using PcDarts.Web.Components;
using PcDarts.Web.Data;

namespace PcDarts.Api.Dashboard;

/// <summary>The Blazor dashboard (PcDarts.Web) served at / with interactive server rendering.</summary>
internal static class DashboardExtensions
{
    public static void AddDashboard(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddScoped<IDashboardData, DashboardData>();
    }

    public static void MapDashboard(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
