using System.Net.Http.Json;
using System.Text.Json;

namespace PcDarts.Api.Tests;

internal static class Polling
{
    public static async Task<JsonElement> WaitForStatusAsync(HttpClient client, Guid id, Func<string, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var experiment = await client.GetFromJsonAsync<JsonElement>($"/api/experiments/{id}");
            var status = experiment.GetProperty("status").GetString()!;
            if (done(status)) return experiment;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"experiment {id} still {status} after {timeout}: {experiment}");
            await Task.Delay(100);
        }
    }

    public static async Task<JsonElement> WaitUntilAsync(HttpClient client, Guid id, Func<JsonElement, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var experiment = await client.GetFromJsonAsync<JsonElement>($"/api/experiments/{id}");
            if (done(experiment)) return experiment;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"experiment {id} did not get there in {timeout}: {experiment}");
            await Task.Delay(100);
        }
    }

    public static async Task WaitForEpochAsync(HttpClient client, Guid id, int epoch, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var metrics = await client.GetFromJsonAsync<JsonElement>($"/api/experiments/{id}/metrics");
            if (metrics.GetProperty("epochs").GetArrayLength() >= epoch) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"experiment {id} did not reach epoch {epoch}");
    }

    public static async Task<Guid> SubmitAsync(HttpClient client, object spec, string name = "tiny")
    {
        var response = await client.PostAsJsonAsync("/api/experiments/search", new { name, spec });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
