using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Supervision;

public sealed record SupervisionSettingsRequest(int? RatingWindowHours, int? CallbackWorkingDays, int? RectifyWorkingDays,
    int? ComplaintAssignWorkingDays, int? ComplaintReplyWorkingDays, int? ComplaintCloseWorkingDays, int? EarlyArrivalMinutes,
    bool DefaultRatingEnabled, int? DefaultRatingAfterDays);

/// <summary>
/// An administrator sets a hall's supervision rules within the ranges the national and local rules
/// allow (rectify in 2–15 working days); deadlines already set keep their days, new ones use these.
/// </summary>
public sealed class UpdateSupervisionSettings(HallDbContext db, TimeProvider time, HallSupervisionRules rules)
{
    public async Task<SupervisionRules> GetAsync(Guid hallId, Guid readerId, CancellationToken ct)
    {
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        return await rules.ForHallAsync(hallId, ct);
    }

    public async Task<SupervisionRules> HandleAsync(Guid hallId, Guid userId, SupervisionSettingsRequest request, CancellationToken ct)
    {
        var window = Range(request.RatingWindowHours, "ratingWindowHours", 1, 720);
        var callback = Range(request.CallbackWorkingDays, "callbackWorkingDays", 1, 5);
        var rectify = Range(request.RectifyWorkingDays, "rectifyWorkingDays", Math.Max(2, callback), 15);
        var assign = Range(request.ComplaintAssignWorkingDays, "complaintAssignWorkingDays", 1, 10);
        var reply = Range(request.ComplaintReplyWorkingDays, "complaintReplyWorkingDays", assign, 30);
        var close = Range(request.ComplaintCloseWorkingDays, "complaintCloseWorkingDays", reply, 60);
        var early = Range(request.EarlyArrivalMinutes, "earlyArrivalMinutes", 0, 60);
        int? deemAfter = request.DefaultRatingEnabled ? Range(request.DefaultRatingAfterDays, "defaultRatingAfterDays", 1, 30) : null;
        await HallAccess.EnsureAsync(db, hallId, userId, ct);

        var now = time.GetUtcNow().UtcDateTime;
        await using var write = await db.BeginWriteAsync(ct);
        var settings = await db.HallSupervisionSettings.FirstOrDefaultAsync(s => s.HallId == hallId, ct);
        if (settings is null)
            db.HallSupervisionSettings.Add(settings = new HallSupervisionSettings { HallId = hallId });
        settings.RatingWindowHours = window;
        settings.CallbackWorkingDays = callback;
        settings.RectifyWorkingDays = rectify;
        settings.ComplaintAssignWorkingDays = assign;
        settings.ComplaintReplyWorkingDays = reply;
        settings.ComplaintCloseWorkingDays = close;
        settings.EarlyArrivalMinutes = early;
        settings.DefaultRatingAfterDays = deemAfter;
        settings.UpdatedAt = now;
        settings.UpdatedByUserId = userId;
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        var saved = SupervisionRules.From(settings);
        rules.Changed(hallId, saved);
        return saved;
    }

    private static int Range(int? value, string field, int min, int max) =>
        value is not { } v ? throw DomainException.Required(field)
        : v < min || v > max ? throw DomainException.Invalid(field, ErrorCodes.OutOfRange, field, min, max)
        : v;
}
