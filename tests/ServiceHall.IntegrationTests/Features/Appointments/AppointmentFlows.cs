using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Identity;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Appointments;

/// <summary>Steps the appointment tests share: an integrator of the hall, a bookable item, its slots, a booking.</summary>
public static class AppointmentFlows
{
    public static async Task<string> IntegratorAsync(HallApp app, Guid hallId)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var name = $"i{Guid.NewGuid():N}"[..12];
        var user = new User { UserName = name, DisplayName = "预约平台", HallId = hallId };
        Assert.True((await users.CreateAsync(user, SeedDemoHall.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Integrator)).Succeeded);
        return name;
    }

    /// <summary>Item A bookable in slots of <paramref name="slotMinutes"/> with <paramref name="capacity"/> places, and the hall's rules.</summary>
    public static async Task BookableAsync(HallApp app, TestHall hall, int capacity, int slotMinutes = 30, int heldPercent = 20,
        string heldReleaseAt = "12:00:00", int noShowLimit = 3, bool requiresIdNumber = false, int lateMinutes = 15)
    {
        var supervisor = app.Api(hall.Supervisor);
        await supervisor.PutOkAsync<JsonObject>($"/api/halls/{hall.Id}/service-items/{hall.Item("A")}/appointment-plan",
            new { bookable = true, slotMinutes, capacity, daysAhead = 7, perCounter = false, requiresIdNumber });
        await supervisor.PutOkAsync<JsonObject>($"/api/halls/{hall.Id}/appointment-settings", new
        {
            heldPercent, heldReleaseAt, elderlyAge = 60, cancelBeforeMinutes = 60, checkInEarlyMinutes = 30, checkInLateMinutes = lateMinutes,
            noShowLimit, noShowWindowDays = 180, blockDays = 90,
        });
    }

    public static async Task<JsonArray> SlotsAsync(ApiClient client, TestHall hall, DateOnly date) =>
        await client.GetOkAsync<JsonArray>($"/api/halls/{hall.Id}/service-items/{hall.Item("A")}/slots?date={date:yyyy-MM-dd}");

    public static async Task<JsonObject> BookAsync(ApiClient client, Guid slotId, string phone, string name = "张三", string? idNumber = null)
    {
        var response = await client.PostAsync($"/api/slots/{slotId}/bookings", new { name, phone, idNumber });
        await Expect.StatusAsync(response, HttpStatusCode.Created);
        return (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<JsonObject>(response.Content))!;
    }

    public static Guid Id(JsonNode? node) => node!["id"]!.GetValue<Guid>();

    /// <summary>A mobile number per test and index, so that no two people share one.</summary>
    public static string Phone(int n) => $"139{Random.Shared.Next(1000, 9999)}{n:0000}";
}
