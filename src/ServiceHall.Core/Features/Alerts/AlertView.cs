namespace ServiceHall.Core.Features.Alerts;

public sealed record AlertView(Guid Id, Guid HallId, AlertKind Kind, Guid? ServiceItemId, Guid? CounterId,
    int Value, int Threshold, DateTime RaisedAt, DateTime? ClearedAt, Guid? SubjectId = null, DateTime? AcknowledgedAt = null,
    Guid? AcknowledgedByUserId = null)
{
    public static AlertView From(Alert a) =>
        new(a.Id, a.HallId, a.Kind, a.ServiceItemId, a.CounterId, a.Value, a.Threshold, a.RaisedAt, a.ClearedAt, a.SubjectId, a.AcknowledgedAt,
            a.AcknowledgedByUserId);
}
