using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Halls.Templates;

namespace ServiceHall.Core.Features.Appointments;

/// <summary>
/// Whether a hall takes bookings from citizens' phones (Q8, P7): the one question the phone booking page, its routes and
/// the kiosk's link ask — the hall's appointments module (<see cref="HallModules"/>; a new hall has it when its kind's
/// template lists it, the hospital's does).
/// </summary>
public static class AppointmentsModule
{
    public static bool IsUsedBy(Hall hall) => hall.Uses(HallModule.Appointments);
}
