using System.Net;
using System.Text.Json;

namespace PcDarts.Cli.Remote;

/// <summary>An error response from the API, phrased as one line: a 400 names its field ("spec.epochs: must be …").</summary>
internal sealed class ServerProblemException(HttpStatusCode status, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;

    public int ExitCode => Status is HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.Conflict
        ? ExitCodes.Usage
        : ExitCodes.ServerError;

    /// <summary>Reads an RFC 7807 body (ValidationProblem or plain ProblemDetails) when there is one.</summary>
    public static async Task<ServerProblemException> FromResponseAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(ct);
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
}
