using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PcDarts.Core.Contracts;

namespace PcDarts.Bench.Results;

/// <summary>Reads finished studies from a PcDarts server over its REST API, as any client would.</summary>
internal sealed class StudySource(Uri server, string token) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = server, DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<StudyDto> GetAsync(Guid id)
    {
        using var response = await _http.GetAsync($"api/studies/{id}");
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET /api/studies/{id} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<StudyDto>(Json))!;
    }

    public void Dispose() => _http.Dispose();
}
