using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using ServiceHall.Core;
using ServiceHall.Core.Features.Calendar;
using ServiceHall.Web.Identity;

namespace ServiceHall.Web.Features.Calendar;

public static class CalendarEndpoints
{
    public static void AddCalendar(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<GetCalendarYear>();
        builder.Services.AddScoped<GetDueDate>();
        builder.Services.AddScoped<SetCalendarDay>();
        builder.Services.AddScoped<RemoveCalendarDay>();
        builder.Services.AddScoped<ImportCalendarYear>();
    }

    public static void MapCalendarEndpoints(this WebApplication app)
    {
        var calendar = app.MapGroup("/api/halls/{hallId:guid}/calendar").WithTags("Calendar");
        // Public reads: the working-day calendar is published information, and integrators need it.
        calendar.MapGet("/due-date", DueDateAsync).WithName("GetDueDate")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        calendar.MapGet("/{year:int}", (Guid hallId, int year, GetCalendarYear get, CancellationToken ct) => get.HandleAsync(hallId, year, ct))
            .WithName("GetCalendarYear").ProducesProblem(StatusCodes.Status404NotFound);

        var admin = calendar.MapGroup("").RequireAuthorization(IdentitySetup.AdminPolicy).RequireHall();
        admin.MapPut("/days/{date}", SetDayAsync).WithName("SetCalendarDay").ProducesProblem(StatusCodes.Status400BadRequest);
        admin.MapDelete("/days/{date}", RemoveDayAsync).WithName("RemoveCalendarDay").ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/{year:int}/import", ImportAsync).WithName("ImportCalendarYear")
            .Accepts<CalendarImportDocument>("application/json", "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    private static Task<DueDateView> DueDateAsync(Guid hallId, string? from, int? workingDays, GetDueDate get, CancellationToken ct)
    {
        if (!CalendarImport.TryParseDate(from, out var day))
            throw DomainException.Invalid("from", ErrorCodes.InvalidDate);
        var n = workingDays ?? throw DomainException.Required("workingDays");
        return get.HandleAsync(hallId, day, n, ct);
    }

    private static Task<HallCalendarEntry> SetDayAsync(Guid hallId, string date, SetCalendarDayRequest request, SetCalendarDay set,
        HttpContext http, CancellationToken ct) =>
        set.HandleAsync(hallId, ParseDate(date), request, http.User.UserId(), ct);

    private static async Task<NoContent> RemoveDayAsync(Guid hallId, string date, RemoveCalendarDay remove, CancellationToken ct)
    {
        await remove.HandleAsync(hallId, ParseDate(date), ct);
        return TypedResults.NoContent();
    }

    /// <summary>A year's schedule as JSON (<see cref="CalendarImportDocument"/>) or CSV (<c>date,kind,name</c>).</summary>
    private static async Task<CalendarImportResult> ImportAsync(Guid hallId, int year, HttpRequest request, ImportCalendarYear import,
        HttpContext http, CancellationToken ct)
    {
        CalendarImport.CheckYear(year);
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        List<CalendarEntry> entries;
        switch (mediaType)
        {
            case "application/json":
                CalendarImportDocument? document;
                try
                {
                    document = await JsonSerializer.DeserializeAsync<CalendarImportDocument>(request.Body, CalendarImport.Json, ct);
                }
                catch (JsonException ex)
                {
                    throw new BadHttpRequestException("Malformed JSON", StatusCodes.Status400BadRequest, ex);
                }
                entries = CalendarImport.ParseJson(year, document ?? throw DomainException.Required("days"));
                break;
            case "text/csv" or "text/plain":
                using (var reader = new StreamReader(request.Body))
                    entries = CalendarImport.ParseCsv(year, await reader.ReadToEndAsync(ct));
                break;
            default:
                // Only reached by a content type the Accepts metadata let through (none today).
                throw new DomainException(ErrorKind.Validation, ErrorCodes.CalendarFormatUnsupported) { Field = "Content-Type" };
        }
        return await import.HandleAsync(hallId, year, entries, http.User.UserId(), ct);
    }

    private static DateOnly ParseDate(string date) =>
        CalendarImport.TryParseDate(date, out var day) ? day : throw DomainException.Invalid("date", ErrorCodes.InvalidDate);
}
