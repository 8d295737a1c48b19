using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace PcDarts.Api.Auth;

/// <summary>Section "PcDarts:Limits": what one caller may send and start.</summary>
public sealed class AbuseLimitsOptions
{
    public const string Section = "PcDarts:Limits";

    /// <summary>A larger request body is refused with 413 (a spec or a genotype is a few kilobytes).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
    /// <summary>An experiment archive may be this large, packed and unpacked (weights and a checkpoint at paper scale are tens of MB).</summary>
    public long MaxImportBytes { get; set; } = 512L * 1024 * 1024;
    /// <summary>Sign-in attempts per minute from one address (429 past it), on top of the per-account lockout.</summary>
    public int LoginsPerMinute { get; set; } = 10;
    /// <summary>Submissions and other experiment changes per minute by one user (429 past it).</summary>
    public int ChangesPerMinute { get; set; } = 60;
    /// <summary>Queued plus running experiments one user may have at once (409 past it).</summary>
    public int MaxActiveExperiments { get; set; } = 20;
}

/// <summary>Request size, rate limits (429 with Retry-After) and the per-user cap on active experiments.</summary>
internal static class AbuseLimits
{
    public const string LoginPolicy = "login";
    public const string ChangesPolicy = "changes";

    public static void AddAbuseLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(AbuseLimitsOptions.Section).Get<AbuseLimitsOptions>() ?? new AbuseLimitsOptions();
        services.AddOptions<AbuseLimitsOptions>().BindConfiguration(AbuseLimitsOptions.Section);
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes);
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(LoginPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "local", _ => PerMinute(limits.LoginsPerMinute)));
            o.AddPolicy(ChangesPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.User.Identity?.Name ?? http.Connection.RemoteIpAddress?.ToString() ?? "local", _ => PerMinute(limits.ChangesPerMinute)));
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await WriteProblemAsync(http, StatusCodes.Status429TooManyRequests, "Too many requests", $"try again in {seconds} s");
            };
        });
    }

    private static Task WriteProblemAsync(HttpContext http, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }

    private static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };

    /// <summary>A body that says it is too large is refused before it is read; Kestrel stops one that grows past the limit.</summary>
    public static void UseRequestSizeLimit(this WebApplication app)
    {
        var limit = app.Configuration.GetSection(AbuseLimitsOptions.Section).Get<AbuseLimitsOptions>()?.MaxRequestBodyBytes ?? new AbuseLimitsOptions().MaxRequestBodyBytes;
        app.Use(async (http, next) =>
        {
            // An endpoint that takes larger bodies (an archive import) says so with its own size limit.
            var max = http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? limit;
            if (http.Request.ContentLength > max)
            {
                await WriteProblemAsync(http, StatusCodes.Status413PayloadTooLarge, "Request body too large", $"at most {max} bytes");
                return;
            }
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = max;
            await next(http);
        });
    }
}

/// <summary>A user already has as many queued and running experiments as <see cref="AbuseLimitsOptions.MaxActiveExperiments"/> allows (409).</summary>
public sealed class ActiveExperimentCapException(int cap)
    : Exception($"you already have {cap} queued or running experiments, the most one user may have (PcDarts:Limits:MaxActiveExperiments = {cap}): wait for one to finish or cancel one");
