namespace PcDarts.Api.Auth;

/// <summary>
/// Headers on every response: no MIME sniffing, no framing, and a Content-Security-Policy that lets the dashboard run
/// (its own scripts, SignalR over the same origin, inline style attributes for chart colours) and nothing else. The API
/// reference and Hangfire's pages bring inline scripts of their own and keep their defaults. HSTS outside Development.
/// </summary>
internal static class SecurityHeaders
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self' ws: wss:; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    public static void UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            if (!http.Request.Path.StartsWithSegments("/scalar") && !http.Request.Path.StartsWithSegments("/hangfire"))
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            return next(http);
        });
    }
}
