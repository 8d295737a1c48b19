using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using PcDarts.Core.Deployment;

namespace PcDarts.Api.Auth;

/// <summary>
/// Setting "PcDarts:TrustedProxies": the reverse proxies (addresses, or networks as CIDR) whose X-Forwarded-For and
/// X-Forwarded-Proto are believed, as a list or one comma-separated value (PcDarts__TrustedProxies=10.0.0.5,10.1.0.0/16).
/// Unset, the headers are ignored (do not set ASPNETCORE_FORWARDEDHEADERS_ENABLED, which believes anyone): anyone could write them, and the audit log and the sign-in limit would take a
/// caller's word for its address. Set, a request's address is the client's for everything after this middleware:
/// REST audit lines, the per-address sign-in limit, and a dashboard circuit's connection (<see cref="CurrentActor"/>).
/// </summary>
internal static class TrustedProxies
{
    private const string Section = SettingNames.TrustedProxies;

    public static void AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var entries = (section.Value is { } single ? single.Split(',') : section.Get<string[]>() ?? [])
            .Select(e => e.Trim()).Where(e => e.Length > 0).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; only what the setting names is trusted.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            // A chain of trusted proxies is walked back to the first address none of them is.
            o.ForwardLimit = null;
            foreach (var entry in entries)
            {
                if (entry.Contains('/') && System.Net.IPNetwork.TryParse(entry, out var network)) o.KnownIPNetworks.Add(network);
                else if (IPAddress.TryParse(entry, out var address)) o.KnownProxies.Add(address);
                else throw new InvalidOperationException($"{Section}: '{entry}' is neither an IP address nor a network such as 10.0.0.0/8");
            }
        });
    }

    /// <summary>First in the pipeline, and only when a proxy is trusted.</summary>
    public static void UseTrustedProxies(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        if (options.KnownProxies.Count > 0 || options.KnownIPNetworks.Count > 0) app.UseForwardedHeaders();
    }
}
