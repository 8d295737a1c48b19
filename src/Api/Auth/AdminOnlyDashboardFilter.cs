using Hangfire.Dashboard;
using PcDarts.Core.Security;

namespace PcDarts.Api.Auth;

/// <summary>Hangfire's dashboard for admins signed in through the platform's own login (its endpoint already requires a user).</summary>
internal sealed class AdminOnlyDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(PlatformRoles.Admin);
}
