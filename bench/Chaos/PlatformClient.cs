using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace PcDarts.Bench.Chaos;

/// <summary>
/// The REST API as the benchmark reads it. Every request goes through <see cref="SendAsync"/>: an answer 401 (a
/// platform with accounts, or a restarted API whose tokens are no longer valid) logs in as the bootstrap admin and
/// tries once more, so the same client works with and without accounts.
/// </summary>
internal sealed class PlatformClient(Uri address) : IDisposable
{
    public const string AdminEmail = "chaos@pcdarts.local";
    public const string AdminPassword = "chaos-benchmark-password";

    private readonly HttpClient _http = new() { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };

    public async Task<Guid> SubmitSearchAsync(string name, object spec)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "/api/experiments/search")
        {
            Content = JsonContent.Create(new { name, spec }),
        });
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"submitting '{name}': {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The experiment's DTO, or null while the API does not answer (restarting, or waiting for the database).</summary>
    public async Task<JsonElement?> TryGetExperimentAsync(Guid id)
    {
        try
        {
            using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"/api/experiments/{id}"));
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return null; }
    }

    /// <summary>Waits until /readyz answers 200; returns false when <paramref name="timeout"/> passes first.</summary>
    public async Task<bool> WaitReadyAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!deadline.IsCancellationRequested)
        {
            try
            {
                using var response = await _http.GetAsync("/readyz", deadline.Token);
                if (response.StatusCode == HttpStatusCode.OK) return true;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            try { await Task.Delay(200, deadline.Token); } catch (TaskCanceledException) { }
        }
        return false;
    }

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request)
    {
        var response = await _http.SendAsync(request());
        if (response.StatusCode != HttpStatusCode.Unauthorized) return response;
        response.Dispose();
        await LoginAsync();
        return await _http.SendAsync(request());
    }

    private async Task LoginAsync()
    {
        using var response = await _http.PostAsJsonAsync("/api/auth/login", new { email = AdminEmail, password = AdminPassword });
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"login as the bootstrap admin: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public void Dispose() => _http.Dispose();
}
