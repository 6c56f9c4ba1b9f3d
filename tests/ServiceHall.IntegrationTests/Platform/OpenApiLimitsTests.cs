using System.Text.Json.Nodes;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Platform;

/// <summary>
/// Every text a client can send has a stated limit: the test walks the OpenAPI document itself, so a route
/// added tomorrow is covered without being named here. The document does not depend on the database.
/// </summary>
public sealed class OpenApiLimitsTests(SqliteHallApp app) : IClassFixture<SqliteHallApp>
{
    [Fact]
    public async Task OpenApi_EveryTextOfARequest_HasMaxLength()
    {
        var document = await app.Api().GetOkAsync<JsonObject>("/openapi/v1.json");
        var schemas = document["components"]!["schemas"]!.AsObject();
        var missing = new List<string>();
        var bodies = 0;
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                foreach (var (_, content) in operation!["requestBody"]?["content"]?.AsObject() ?? [])
                {
                    bodies++;
                    Walk(content!["schema"]!, $"{method.ToUpperInvariant()} {path} body", schemas, missing, []);
                }
                foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
                    Walk(parameter!["schema"]!, $"{method.ToUpperInvariant()} {path} {parameter["in"]} {parameter["name"]}", schemas, missing, []);
            }
        }
        Assert.True(bodies > 50, $"only {bodies} request bodies in the document");
        Assert.True(missing.Count == 0, "Text without maxLength:\n" + string.Join("\n", missing));
    }

    private static void Walk(JsonNode schema, string at, JsonObject schemas, List<string> missing, HashSet<string> seen)
    {
        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            var name = reference[(reference.LastIndexOf('/') + 1)..];
            if (seen.Add(name))
                Walk(schemas[name]!, at, schemas, missing, seen);
            return;
        }
        foreach (var key in new[] { "allOf", "anyOf", "oneOf" })
            foreach (var part in schema[key]?.AsArray() ?? [])
                Walk(part!, at, schemas, missing, seen);
        foreach (var (property, inner) in schema["properties"]?.AsObject() ?? [])
            Walk(inner!, $"{at}.{property}", schemas, missing, seen);
        if (schema["items"] is { } items)
            Walk(items, $"{at}[]", schemas, missing, seen);
        var types = schema["type"] switch
        {
            JsonArray list => list.Select(t => t!.GetValue<string>()).ToArray(),
            JsonValue one => [one.GetValue<string>()],
            _ => [],
        };
        // Free text only: ids, dates, times and enumerations are parsed strictly before anything reads them.
        var parsed = schema["format"] is not null || schema["enum"] is not null || schema["pattern"] is not null;
        if (types.Contains("string") && !parsed && schema["maxLength"] is null)
            missing.Add(at);
    }
}
