using ServiceHall.Core;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Appointments;
using ServiceHall.Core.Features.Devices;
using ServiceHall.Core.Features.Identity;
using ServiceHall.Web.Features.PublicPages;
using ServiceHall.Web.Identity;
using ServiceHall.Web.Infrastructure;

namespace ServiceHall.Web.Features.Appointments;

/// <summary>
/// Q8 from the citizen's phone: the light page <c>/book/{hallId}</c> and what it reads and writes — the hall's bookable
/// items and days, an anonymous booking (limited per phone like anonymous ticket issue; the integrator's route stays
/// unlimited), the booking read back with its code, and QR codes of the booking (its code, as the kiosk's scanner types it)
/// and of the page itself (for the kiosk). Only in halls that use appointments (<see cref="AppointmentsModule"/>).
/// </summary>
public static class PhoneBookingEndpoints
{
    public static void AddPhoneBooking(this IServiceCollection services)
    {
        services.AddScoped<GetBookingOffer>();
        services.AddScoped<BookFromPhone>();
        services.AddScoped<GetBooking>();
    }

    public static void MapPhoneBookingEndpoints(this WebApplication app)
    {
        app.MapGet("/book/{hallId:guid}", (IWebHostEnvironment env) =>
                Results.Stream(env.WebRootFileProvider.GetFileInfo("public/book.html").CreateReadStream(), "text/html; charset=utf-8"))
            .WithName("PhoneBookingPage").ExcludeFromDescription().AllowAnonymous();

        var api = app.MapGroup("/api").WithTags("Appointments").RequireHall()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/halls/{hallId:guid}/booking-offer", (Guid hallId, GetBookingOffer offer, CancellationToken ct) => offer.HandleAsync(hallId, ct))
            .WithName("GetBookingOffer");
        api.MapPost("/slots/{slotId:guid}/phone-bookings", BookAsync)
            .WithName("BookFromPhone").RequireRateLimiting(PlatformSetup.TicketIssuePolicy)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/bookings/{bookingId:guid}", (Guid bookingId, string? code, GetBooking get, CancellationToken ct) => get.HandleAsync(bookingId, code, ct))
            .WithName("GetBooking");
        api.MapGet("/bookings/{bookingId:guid}/qr.svg", BookingQrAsync).WithName("BookingQrCode")
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml");
        api.MapGet("/halls/{hallId:guid}/booking/qr.svg", BookingPageQrAsync).WithName("BookingPageQrCode")
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml");
    }

    private static async Task<IResult> BookAsync(Guid slotId, BookSlotRequest request, BookFromPhone book, HttpContext http, CancellationToken ct)
    {
        // P2: a device does its own job only; people signed in may book for themselves like anyone.
        var user = http.User;
        if (Roles.Devices.Any(user.IsInRole))
            throw new DomainException(ErrorKind.Forbidden, DeviceErrorCodes.NotItsJob);
        var booking = await book.HandleAsync(slotId, user.Identity?.IsAuthenticated == true ? user.UserId() : Guid.Empty, request, ct);
        return TypedResults.Created($"/api/bookings/{booking.Id}", booking);
    }

    /// <summary>The booking's code alone, so that the kiosk's scanner types into its check-in field what the citizen would.</summary>
    private static async Task<IResult> BookingQrAsync(Guid bookingId, string? code, HallDbContext db, HttpContext http, CancellationToken ct)
    {
        var booking = await GetBooking.FindAsync(db, bookingId, code, ct);
        return QrCodes.SvgOfText(http, booking.Code);
    }

    /// <summary>The booking page's address, for the kiosk's "book on your phone"; 404 where the hall takes no bookings.</summary>
    private static async Task<IResult> BookingPageQrAsync(Guid hallId, GetBookingOffer offer, HttpContext http, IConfiguration config,
        CancellationToken ct)
    {
        await offer.HandleAsync(hallId, ct);
        return QrCodes.Svg(http, config, $"/book/{hallId}");
    }
}
