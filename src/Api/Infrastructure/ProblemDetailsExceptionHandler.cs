using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using PcDarts.Core.Specs;
using PcDarts.Persistence.Resilience;

namespace PcDarts.Api.Infrastructure;

/// <summary>
/// The one place exceptions become responses: a body that does not bind (bad JSON, a wrong type, an unknown field)
/// and a spec rejected deeper down are 400 ValidationProblems naming the field; a database that is busy (a full
/// connection pool, the submission gate) or away (a restart outlasting the retries) is 503 with Retry-After, since
/// the same request will succeed shortly; anything else is a plain 500.
/// </summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => Invalid(FieldOf(json.Path), json.Message),
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message },
            SpecValidationException spec => new HttpValidationProblemDetails(
                spec.Errors.GroupBy(e => $"spec.{e.Field}").ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()))
            { Status = StatusCodes.Status400BadRequest, Title = "One or more validation errors occurred." },
            Auth.ExperimentAccessDeniedException denied => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Not yours", Detail = denied.Message },
            Auth.ActiveExperimentCapException cap => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Too many active experiments", Detail = cap.Message },
            DatabaseBusyException busy => Unavailable(context, busy.RetryAfter, busy.Message),
            _ when TransientErrors.IsPoolExhausted(exception) => Unavailable(context, RetryAfter, "the database is busy: try again shortly"),
            _ when TransientErrors.IsTransient(exception) => Unavailable(context, RetryAfter, "the database is unreachable: try again shortly"),
            _ => null,
        };
        if (problem is null) return false;
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    private static ProblemDetails Unavailable(HttpContext context, TimeSpan retryAfter, string detail)
    {
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = "Service unavailable", Detail = detail };
    }

    private static HttpValidationProblemDetails Invalid(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more validation errors occurred.",
        };

    /// <summary>"$.spec.epochs" → "spec.epochs"; the whole body → "body".</summary>
    private static string FieldOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "body" : jsonPath.StartsWith("$.") ? jsonPath[2..] : jsonPath.TrimStart('$');
}
