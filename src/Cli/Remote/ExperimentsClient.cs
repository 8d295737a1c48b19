using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using PcDarts.Core.Contracts;

namespace PcDarts.Cli.Remote;

/// <summary>The REST calls the client verbs make, typed with the API's own contracts.</summary>
internal sealed class ExperimentsClient(HttpClient http) : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public Uri Server => http.BaseAddress!;

    /// <summary>The bearer token sent with every request and to the live stream.</summary>
    public string? Token => http.DefaultRequestHeaders.Authorization?.Parameter;

    public static ExperimentsClient For(Connection connection)
    {
        var http = new HttpClient { BaseAddress = connection.Server, Timeout = TimeSpan.FromSeconds(100) };
        if (connection.Token is { } token) http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return new(http);
    }

    public Task<ExperimentDto> SubmitSearchAsync(CreateSearchRequest request, CancellationToken ct) =>
        SendAsync<ExperimentDto>(HttpMethod.Post, "api/experiments/search", JsonContent.Create(request, options: Json), ct);

    public Task<ExperimentDto> SubmitRetrainAsync(CreateRetrainRequest request, CancellationToken ct) =>
        SendAsync<ExperimentDto>(HttpMethod.Post, "api/experiments/retrain", JsonContent.Create(request, options: Json), ct);

    public Task<StudyDto> SubmitStudyAsync(CreateStudyRequest request, CancellationToken ct) =>
        SendAsync<StudyDto>(HttpMethod.Post, "api/studies", JsonContent.Create(request, options: Json), ct);

    public Task<StudyDto> GetStudyAsync(Guid id, CancellationToken ct) =>
        SendAsync<StudyDto>(HttpMethod.Get, $"api/studies/{id}", null, ct);

    public Task<ExperimentDto> GetAsync(Guid id, CancellationToken ct) =>
        SendAsync<ExperimentDto>(HttpMethod.Get, $"api/experiments/{id}", null, ct);

    /// <summary>Asks for a cancel (202): a queued experiment ends at once, a running one at its next step.</summary>
    public Task<ExperimentDto> CancelAsync(Guid id, CancellationToken ct) =>
        SendAsync<ExperimentDto>(HttpMethod.Post, $"api/experiments/{id}/cancel", null, ct);

    public Task<LogPage> GetLogsAsync(Guid id, long after, CancellationToken ct) =>
        SendAsync<LogPage>(HttpMethod.Get, $"api/experiments/{id}/logs?after={after}", null, ct);

    /// <summary>Deletes an experiment and all it stored (204); a running one must be cancelled first (409).</summary>
    public Task DeleteAsync(Guid id, CancellationToken ct) => DeleteAtAsync($"api/experiments/{id}", ct);

    /// <summary>Deletes a study with its member experiments (204); one with a member queued or running must be cancelled first (409).</summary>
    public Task DeleteStudyAsync(Guid id, CancellationToken ct) => DeleteAtAsync($"api/studies/{id}", ct);

    /// <summary>The export archive, streamed into <paramref name="destination"/>.</summary>
    public async Task ExportAsync(Guid id, Stream destination, CancellationToken ct)
    {
        using var response = await http.GetAsync($"api/experiments/{id}/export", HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode) throw await ProblemAsync(response, ct);
        await response.Content.CopyToAsync(destination, ct);
    }

    public Task<ExperimentDto> ImportAsync(Stream archive, CancellationToken ct)
    {
        var content = new StreamContent(archive);
        content.Headers.ContentType = new("application/gzip");
        return SendAsync<ExperimentDto>(HttpMethod.Post, "api/experiments/import", content, ct);
    }

    public Task<MetricsDto> GetMetricsAsync(Guid id, int afterEpoch, CancellationToken ct) =>
        SendAsync<MetricsDto>(HttpMethod.Get, $"api/experiments/{id}/metrics?afterEpoch={afterEpoch}", null, ct);

    public Task<ExperimentPage> ListAsync(ExperimentListQuery query, CancellationToken ct) =>
        SendAsync<ExperimentPage>(HttpMethod.Get, $"api/experiments?{query.ToQueryString()}", null, ct);

    /// <summary>The raw body of a GET (genotype text, weights, metrics JSON).</summary>
    public async Task<byte[]> GetBytesAsync(string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        if (!response.IsSuccessStatusCode) throw await ProblemAsync(response, ct);
        return await response.Content.ReadAsByteArrayAsync(ct);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode) throw await ProblemAsync(response, ct);
        return await response.Content.ReadFromJsonAsync<T>(Json, ct)
            ?? throw new ServerProblemException(response.StatusCode, $"server answered {path} with an empty body");
    }

    /// <summary>The signed-in user as the server sees it (email, role, how it signed in).</summary>
    public Task<MeDto> MeAsync(CancellationToken ct) => SendAsync<MeDto>(HttpMethod.Get, "api/auth/me", null, ct);

    public Task<CreatedTokenDto> CreateTokenAsync(CreateTokenRequest request, CancellationToken ct) =>
        SendAsync<CreatedTokenDto>(HttpMethod.Post, "api/tokens", JsonContent.Create(request, options: Json), ct);

    public Task RevokeTokenAsync(Guid id, CancellationToken ct) => DeleteAtAsync($"api/tokens/{id}", ct);

    private async Task DeleteAtAsync(string path, CancellationToken ct)
    {
        using var response = await http.DeleteAsync(path, ct);
        if (!response.IsSuccessStatusCode) throw await ProblemAsync(response, ct);
    }

    /// <summary>The error as one line; a 403 asks who the caller is, so that the line names its role.</summary>
    private async Task<ServerProblemException> ProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        string? role = null;
        if (response.StatusCode == System.Net.HttpStatusCode.Forbidden)
        {
            try { role = (await MeAsync(ct)).Role; }
            catch (Exception e) when (e is HttpRequestException or ServerProblemException or JsonException) { }
        }
        return await ServerProblemException.FromResponseAsync(response, ct, role);
    }

    public void Dispose() => http.Dispose();
}
