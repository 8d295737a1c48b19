using System.Net;
using System.Text.Json;

namespace PcDarts.Cli.Remote;

/// <summary>An error response from the API, phrased as one line: a 400 names its field ("spec.epochs: must be …").</summary>
internal sealed class ServerProblemException(HttpStatusCode status, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;

    public const string NotSignedIn = $"not signed in: run pcdarts login or set {TokenVariable.Name}";

    public int ExitCode => Status switch
    {
        HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.Conflict => ExitCodes.Usage,
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => ExitCodes.NotAllowed,
        _ => ExitCodes.ServerError,
    };

    /// <summary>
    /// Reads an RFC 7807 body (ValidationProblem or plain ProblemDetails) when there is one. A 401 says how to sign in,
    /// after the server's reason when it gives one (which token expired or was revoked, and when);
    /// a 403 names the caller's <paramref name="role"/> (when known) and what it may not do.
    /// </summary>
    public static async Task<ServerProblemException> FromResponseAsync(HttpResponseMessage response, CancellationToken ct, string? role = null)
    {
        var status = response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(ct);
        if (status == HttpStatusCode.Unauthorized)
            return new(status, Detail(body) is { } reason ? $"not signed in: {reason}; run pcdarts login or set {TokenVariable.Name}" : NotSignedIn);
        if (status == HttpStatusCode.Forbidden)
        {
            var what = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}";
            var detail = Detail(body);
            return new(status, $"forbidden: your role ({role ?? "unknown"}) may not {what}{(detail is null ? "" : $": {detail}")}");
        }
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                var fields = errors.EnumerateObject().ToList();
                if (fields.Count > 0)
                {
                    var first = fields[0];
                    var message = first.Value.ValueKind == JsonValueKind.Array && first.Value.GetArrayLength() > 0
                        ? first.Value[0].GetString()
                        : first.Value.ToString();
                    var more = fields.Count > 1 ? $" (and {fields.Count - 1} more: {string.Join(", ", fields.Skip(1).Select(f => f.Name))})" : "";
                    return new(status, $"{first.Name}: {message}{more}");
                }
            }
            var title = root.TryGetProperty("title", out var t) ? t.GetString() : null;
            var detail = root.TryGetProperty("detail", out var d) ? d.GetString() : null;
            return new(status, $"server answered {(int)status} {title ?? response.ReasonPhrase}{(detail is null ? "" : $": {detail}")}");
        }
        catch (JsonException)
        {
            return new(status, $"server answered {(int)status} {response.ReasonPhrase}");
        }
    }

    private static string? Detail(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
