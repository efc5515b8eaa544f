using System.Net.Http.Json;
using System.Text.Json;

namespace MsgRelay.IntegrationTests.Infrastructure;

/// <summary>Reads a node's admin HTTP endpoint as an operator's tooling would.</summary>
internal sealed class AdminClient(int port) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };

    public async Task<IReadOnlyList<WhoRow>> WhoAsync() =>
        await _http.GetFromJsonAsync<List<WhoRow>>("/who", new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];

    public async Task<int> StatusCodeAsync(string path) => (int)(await _http.GetAsync(path)).StatusCode;

    public async Task<string> GetTextAsync(string path) => await _http.GetStringAsync(path);

    public void Dispose() => _http.Dispose();
}

internal sealed record WhoRow(string User, string Tty, string Node, DateTimeOffset LoginTime, TimeSpan Idle);
