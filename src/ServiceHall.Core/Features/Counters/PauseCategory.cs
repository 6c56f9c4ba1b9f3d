namespace ServiceHall.Core.Features.Counters;

/// <summary>
/// What the public is told about a paused counter (暂停服务): a fixed category, shown on the display.
/// The free-text reason stays on the staff side — it may name a colleague or a citizen.
/// </summary>
public enum PauseCategory
{
    /// <summary>临时离开</summary>
    TemporaryLeave,
    /// <summary>午休</summary>
    LunchBreak,
    /// <summary>业务学习</summary>
    Training,
    /// <summary>会议</summary>
    Meeting,
    /// <summary>其他</summary>
    Other,
}
