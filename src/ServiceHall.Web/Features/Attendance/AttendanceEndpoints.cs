using ServiceHall.Core.Features.Attendance;
using ServiceHall.Web.Identity;

namespace ServiceHall.Web.Features.Attendance;

/// <summary>
/// 考勤 (S3). The counter workstation calls <c>POST /api/attendance/sign-in</c> and <c>/sign-out</c> for
/// the signed-in staff member and reads <c>GET /api/attendance/me</c>; supervisors record leave and read the daily report.
/// </summary>
public static class AttendanceEndpoints
{
    public static void AddAttendance(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SignInOut>();
        builder.Services.AddScoped<RecordLeave>();
        builder.Services.AddScoped<GetAttendanceReport>();
        builder.Services.AddScoped<GetMonthlyAttendance>();
    }

    public static void MapAttendanceEndpoints(this WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("Attendance")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        var staff = api.MapGroup("/attendance").RequireAuthorization(IdentitySetup.StaffPolicy);
        staff.MapPost("/sign-in", (SignInOut attendance, HttpContext http, CancellationToken ct) => attendance.SignInAsync(http.User.UserId(), ct))
            .WithName("SignIn");
        staff.MapPost("/sign-out", (SignInOut attendance, HttpContext http, CancellationToken ct) => attendance.SignOutAsync(http.User.UserId(), ct))
            .WithName("SignOut");
        staff.MapGet("/me", (SignInOut attendance, HttpContext http, CancellationToken ct) => attendance.GetTodayAsync(http.User.UserId(), ct))
            .WithName("GetMyAttendance");

        var supervisor = api.MapGroup("/halls/{hallId:guid}/attendance").RequireAuthorization(IdentitySetup.SupervisorPolicy).RequireHall();
        supervisor.MapPost("/leave", async (Guid hallId, RecordLeaveRequest request, RecordLeave record, HttpContext http, CancellationToken ct) =>
                TypedResults.Created($"/api/halls/{hallId}/attendance/leave", await record.HandleAsync(hallId, http.User.UserId(), request, ct)))
            .WithName("RecordLeave");
        supervisor.MapGet("/daily", (Guid hallId, DateOnly? date, GetAttendanceReport report, HttpContext http, CancellationToken ct) =>
                report.HandleAsync(hallId, http.User.UserId(), date, ct))
            .WithName("GetAttendanceReport");
        supervisor.MapGet("/monthly", (Guid hallId, int year, int month, GetMonthlyAttendance report, HttpContext http, CancellationToken ct) =>
                report.HandleAsync(hallId, http.User.UserId(), year, month, ct))
            .WithName("GetMonthlyAttendance");
    }
}
