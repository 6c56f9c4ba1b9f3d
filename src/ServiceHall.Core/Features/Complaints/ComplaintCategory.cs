namespace ServiceHall.Core.Features.Complaints;

/// <summary>
/// What a complaint is about (投诉类别), so that the recurring issues (热点) can be counted (S2: "及时总结和改进").
/// Staff choose it at registration; a supervisor may correct it when assigning (an online complaint comes in as <see cref="Other"/>).
/// </summary>
public enum ComplaintCategory
{
    /// <summary>服务态度: tone, forbidden phrases (S4).</summary>
    Attitude,
    /// <summary>办事效率: long waits, slow handling, deadlines missed.</summary>
    Efficiency,
    /// <summary>工作纪律: an empty counter, leaving the post, private business during hours (Q6).</summary>
    Discipline,
    /// <summary>政策业务: wrong or incomplete information, materials asked for twice (M3).</summary>
    Knowledge,
    /// <summary>廉洁自律: gifts, favours (S5).</summary>
    Integrity,
    /// <summary>环境设施: the hall, its kiosks, screens and seats.</summary>
    Facilities,
    Other,
}
