using ServiceHall.Core;
using ServiceHall.Core.Features.Appointments;
using ServiceHall.Core.Features.Devices;
using ServiceHall.Core.Features.Identity;
using ServiceHall.Web.Identity;
using ServiceHall.Web.Infrastructure;

namespace ServiceHall.Web.Features.Appointments;

/// <summary>
/// Appointments (Q8): slots and bookings for appointment platforms (the <c>integrator</c> role, not rate-limited: only
/// anonymous issue is) and staff on site, check-in at the kiosk, and the supervisors' rules, plans, slots and day list.
/// </summary>
public static class AppointmentEndpoints
{
    /// <summary>Who books through the API: an appointment platform (online) or the hall's people (on site).</summary>
    public const string BookingPolicy = "appointments.booking";

    public static void AddAppointments(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(BookingPolicy, p => p.RequireRole(Roles.Integrator, Roles.Staff, Roles.Supervisor, Roles.Admin));
        builder.Services.AddScoped<ListSlots>();
        builder.Services.AddScoped<BookSlot>();
        builder.Services.AddScoped<CancelBooking>();
        builder.Services.AddScoped<CheckInBooking>();
        builder.Services.AddScoped<RecordNoShows>();
        builder.Services.AddScoped<ListBookings>();
        builder.Services.AddScoped<RevealBooking>();
        builder.Services.AddScoped<UpdateSlot>();
        builder.Services.AddScoped<AssignSlotStaff>();
        builder.Services.AddScoped<SetAppointmentPlan>();
        builder.Services.AddScoped<UpdateAppointmentSettings>();
        builder.Services.AddHostedService<AppointmentMonitor>();
        builder.Services.AddPhoneBooking();
    }

    private static Task<CheckInResult> CheckInAsync(Guid hallId, CheckInRequest request, CheckInBooking checkIn, HttpContext http,
        CancellationToken ct)
    {
        var user = http.User;
        if (user.Identity?.IsAuthenticated == true && !(user.IsInRole(Roles.Kiosk) || user.IsInRole(Roles.Staff)
                || user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin)))
            throw new DomainException(ErrorKind.Forbidden, DeviceErrorCodes.NotItsJob);
        if (user.Identity?.IsAuthenticated != true && !string.IsNullOrWhiteSpace(request.IdNumber))
            throw new DomainException(ErrorKind.Forbidden, AppointmentErrorCodes.CheckInByIdNumberAtKiosk);
        return checkIn.HandleAsync(hallId, request, ct);
    }

    public static void MapAppointmentEndpoints(this WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("Appointments").RequireHall()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        // Published availability, like the hall's hours: anyone may read it.
        api.MapGet("/halls/{hallId:guid}/service-items/{itemId:guid}/slots",
                (Guid hallId, Guid itemId, DateOnly? date, ListSlots list, CancellationToken ct) => list.HandleAsync(hallId, itemId, date, ct))
            .WithName("ListAppointmentSlots");
        api.MapPost("/slots/{slotId:guid}/bookings", async (Guid slotId, BookSlotRequest request, BookSlot book, HttpContext http, CancellationToken ct) =>
            {
                var channel = http.User.IsInRole(Roles.Integrator) ? BookingChannel.Online : BookingChannel.OnSite;
                var booking = await book.HandleAsync(slotId, http.User.UserId(), channel, request, ct);
                return TypedResults.Created($"/api/bookings/{booking.Id}", booking);
            })
            .WithName("BookAppointmentSlot").RequireAuthorization(BookingPolicy);
        // The code is the holder's secret: the platform, the hall's people and the citizen's own phone (limited like anonymous
        // issue) cancel with it; a device has no business here.
        api.MapDelete("/bookings/{bookingId:guid}", async (Guid bookingId, string? code, CancelBooking cancel, HttpContext http, CancellationToken ct) =>
            {
                if (Roles.Devices.Any(http.User.IsInRole))
                    throw new DomainException(ErrorKind.Forbidden, DeviceErrorCodes.NotItsJob);
                await cancel.HandleAsync(bookingId, code, ct);
                return TypedResults.NoContent();
            })
            .WithName("CancelBooking").RequireRateLimiting(PlatformSetup.TicketIssuePolicy)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        // The kiosk of a demo or of a hall without enrolment is anonymous: a booking code is the citizen's own secret, so
        // anyone may check in with one, limited like anonymous issue; by ID number only an enrolled kiosk or the hall's people.
        api.MapPost("/halls/{hallId:guid}/bookings/check-in", CheckInAsync)
            .WithName("CheckInBooking").RequireRateLimiting(PlatformSetup.TicketIssuePolicy)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/halls/{hallId:guid}/bookings",
                (Guid hallId, DateOnly? date, ListBookings list, HttpContext http, CancellationToken ct) => list.HandleAsync(hallId, date, http.User.UserId(), ct))
            .WithName("ListBookings").RequireAuthorization(IdentitySetup.SupervisorPolicy);
        api.MapPost("/bookings/{bookingId:guid}/reveal",
                (Guid bookingId, RevealBookingRequest request, RevealBooking reveal, HttpContext http, CancellationToken ct) =>
                    reveal.HandleAsync(bookingId, http.User.UserId(), request, ct))
            .WithName("RevealBooking").RequireAuthorization(IdentitySetup.SupervisorPolicy);
        api.MapPut("/slots/{slotId:guid}",
                (Guid slotId, UpdateSlotRequest request, UpdateSlot update, HttpContext http, CancellationToken ct) =>
                    update.HandleAsync(slotId, http.User.UserId(), request, ct))
            .WithName("UpdateAppointmentSlot").RequireAuthorization(IdentitySetup.SupervisorPolicy);
        api.MapPut("/slots/{slotId:guid}/staff",
                (Guid slotId, AssignSlotStaffRequest request, AssignSlotStaff assign, HttpContext http, CancellationToken ct) =>
                    assign.HandleAsync(slotId, http.User.UserId(), request, ct))
            .WithName("AssignAppointmentSlotStaff").RequireAuthorization(IdentitySetup.SupervisorPolicy);
        api.MapGet("/halls/{hallId:guid}/appointment-settings",
                (Guid hallId, UpdateAppointmentSettings settings, HttpContext http, CancellationToken ct) => settings.GetAsync(hallId, http.User.UserId(), ct))
            .WithName("GetAppointmentSettings").RequireAuthorization(IdentitySetup.SupervisorPolicy);
        api.MapPut("/halls/{hallId:guid}/appointment-settings",
                (Guid hallId, AppointmentSettingsRequest request, UpdateAppointmentSettings settings, HttpContext http, CancellationToken ct) =>
                    settings.HandleAsync(hallId, http.User.UserId(), request, ct))
            .WithName("UpdateAppointmentSettings").RequireAuthorization(IdentitySetup.SupervisorPolicy);
        api.MapGet("/halls/{hallId:guid}/service-items/{itemId:guid}/appointment-plan",
                (Guid hallId, Guid itemId, SetAppointmentPlan plans, HttpContext http, CancellationToken ct) =>
                    plans.GetAsync(hallId, itemId, http.User.UserId(), ct))
            .WithName("GetAppointmentPlan").RequireAuthorization(IdentitySetup.SupervisorPolicy);
        api.MapPut("/halls/{hallId:guid}/service-items/{itemId:guid}/appointment-plan",
                (Guid hallId, Guid itemId, AppointmentPlanRequest request, SetAppointmentPlan plans, HttpContext http, CancellationToken ct) =>
                    plans.HandleAsync(hallId, itemId, http.User.UserId(), request, ct))
            .WithName("SetAppointmentPlan").RequireAuthorization(IdentitySetup.SupervisorPolicy);
        app.MapPhoneBookingEndpoints();
    }
}
