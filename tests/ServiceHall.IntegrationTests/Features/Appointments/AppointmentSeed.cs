using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Appointments;

/// <summary>A slot of tomorrow and a booking in it, for tests that need one of each (the route table's).</summary>
public static class AppointmentSeed
{
    public static async Task<(Guid SlotId, Guid BookingId)> AddAsync(HallApp app, TestHall hall, string integrator)
    {
        await AppointmentFlows.BookableAsync(app, hall, capacity: 5);
        var client = app.Api(integrator);
        var slot = AppointmentFlows.Id((await AppointmentFlows.SlotsAsync(client, hall, app.Today.AddDays(1)))[20]);
        var booking = await AppointmentFlows.BookAsync(client, slot, AppointmentFlows.Phone(1));
        return (slot, AppointmentFlows.Id(booking));
    }
}
