namespace ServiceHall.Core.Features.Halls;

/// <summary>
/// P7: the seeds' four kinds of window service. A hall's kind chose its template when it was created
/// (<see cref="Templates.HallTemplates"/>); everything the template set is the hall's own, editable data.
/// </summary>
public enum HallKind
{
    /// <summary>政务服务中心.</summary>
    Government,
    /// <summary>医院窗口: 导医, 挂号收费, 药房, 检验.</summary>
    Hospital,
    /// <summary>售票窗口.</summary>
    TicketOffice,
    /// <summary>物业客服前台.</summary>
    PropertyDesk,
}
