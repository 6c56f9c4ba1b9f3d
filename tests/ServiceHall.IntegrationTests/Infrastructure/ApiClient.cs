using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.IntegrationTests.Infrastructure;

/// <summary>An HTTP client of the app, signed in as a demo account or anonymous.</summary>
public sealed class ApiClient
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly HallApp _app;
    private readonly string? _userName;
    private string? _token;

    public ApiClient(HallApp app, string? userName)
    {
        _app = app;
        _userName = userName;
        Http = app.CreateClient();
    }

    public HttpClient Http { get; }

    public async Task<ApiClient> SignInAsync()
    {
        if (_userName is null || _token is not null)
            return this;
        var response = await Http.PostAsJsonAsync("/api/auth/login", new { userName = _userName, password = SeedDemoHall.DemoPassword });
        response.EnsureSuccessStatusCode();
        _token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        return this;
    }

    public async Task<HttpResponseMessage> PostAsync(string url, object? body = null, string? language = null)
    {
        await SignInAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = body is null ? null : JsonContent.Create(body, options: Json),
        };
        if (language is not null)
            request.Headers.AcceptLanguage.ParseAdd(language);
        return await Http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> PutAsync(string url, object? body, string? language = null)
    {
        await SignInAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body, options: Json) };
        if (language is not null)
            request.Headers.AcceptLanguage.ParseAdd(language);
        return await Http.SendAsync(request);
    }

    public async Task<T> PutOkAsync<T>(string url, object? body)
    {
        var response = await PutAsync(url, body);
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    public async Task<HttpResponseMessage> GetAsync(string url, string? language = null)
    {
        await SignInAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (language is not null)
            request.Headers.AcceptLanguage.ParseAdd(language);
        return await Http.SendAsync(request);
    }

    public async Task<T> PostOkAsync<T>(string url, object? body = null)
    {
        var response = await PostAsync(url, body);
        await Expect.StatusAsync(response, response.StatusCode == HttpStatusCode.Created ? HttpStatusCode.Created : HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    public async Task<T> GetOkAsync<T>(string url)
    {
        var response = await GetAsync(url);
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    public Task<TicketDto> IssueAsync(Guid hallId, Guid itemId, string priority = "normal") =>
        PostOkAsync<TicketDto>($"/api/halls/{hallId}/tickets", new { serviceItemId = itemId, priority });

    public Task<CounterDto> OpenAsync(Guid counterId) => PostOkAsync<CounterDto>($"/api/counters/{counterId}/open");

    public async Task<TicketDto?> CallNextAsync(Guid counterId)
    {
        var response = await PostAsync($"/api/counters/{counterId}/call-next");
        if (response.StatusCode == HttpStatusCode.NoContent)
            return null;
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<TicketDto>(Json);
    }

    public Task<TicketDto> ActAsync(Guid counterId, Guid ticketId, string action, object? body = null) =>
        PostOkAsync<TicketDto>($"/api/counters/{counterId}/tickets/{ticketId}/{action}", body);

    public Task<TicketDto> GetTicketAsync(Guid ticketId) => GetOkAsync<TicketDto>($"/api/tickets/{ticketId}");
}

public sealed record TicketDto(Guid Id, Guid HallId, string Number, Guid ServiceItemId, string Status, string Priority,
    string Channel, int? Position, int? PeopleAhead, int? EstimatedWaitMinutes, DateTime IssuedAt, DateTime? CalledAt,
    Guid? CounterId, int? CounterNumber, Guid? TransferredToTicketId);

public sealed record CounterDto(Guid Id, int Number, string State, string? StaffName, Guid? SubstituteUserId, Guid[] ServiceItemIds,
    string? CurrentTicketNumber);

public static class Expect
{
    public static async Task StatusAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Fail($"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        }
    }

    /// <summary>An RFC 9457 problem with the given status and code; returns the document.</summary>
    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? code = null)
    {
        await StatusAsync(response, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()));
        if (code is not null)
            Assert.Equal(code, problem["code"]?.GetValue<string>());
        return problem;
    }
}
