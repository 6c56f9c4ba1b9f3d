using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ServiceHall.LoadTest;

/// <summary>The few calls of the hall's API the load test makes, over one shared HttpClient.</summary>
public sealed class HallApi(HttpClient http, string baseUrl)
{
    public readonly record struct Reply(HttpStatusCode Status, byte[] Body, long Start, long End)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    }

    public static HttpClient CreateClient(int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        DefaultRequestVersion = HttpVersion.Version11,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Sends one request and reads the whole answer; the time covers both.</summary>
    public async Task<Reply> SendAsync(HttpMethod method, string path, string? token, byte[]? body = null)
    {
        using var request = new HttpRequestMessage(method, baseUrl + path);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        var start = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return new Reply(response.StatusCode, bytes, start, Stopwatch.GetTimestamp());
    }

    /// <summary>The <c>code</c> of a problem details answer, such as CounterHasCurrentTicket.</summary>
    public static string? ProblemCode(Reply reply) =>
        reply.Body.Length > 0 && reply.Json.TryGetProperty("code", out var code) ? code.GetString() : null;

    /// <summary>A time the server sends in UTC, with or without its "Z".</summary>
    public static DateTime UtcTime(JsonElement value) =>
        DateTime.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal);

    public static byte[] JsonBody(object value) => JsonSerializer.SerializeToUtf8Bytes(value);

    public async Task<string> LoginAsync(string userName, string password)
    {
        var reply = await SendAsync(HttpMethod.Post, "/api/auth/login", null, JsonBody(new { userName, password }));
        if (reply.Status != HttpStatusCode.OK)
            throw new InvalidOperationException($"Login of {userName} failed: {(int)reply.Status} {Encoding.UTF8.GetString(reply.Body)}");
        return reply.Json.GetProperty("accessToken").GetString()!;
    }

    public async Task<JsonElement> GetAsync(string path, string token)
    {
        var reply = await SendAsync(HttpMethod.Get, path, token);
        if (reply.Status != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {path} failed: {(int)reply.Status} {Encoding.UTF8.GetString(reply.Body)}");
        return reply.Json;
    }
}
