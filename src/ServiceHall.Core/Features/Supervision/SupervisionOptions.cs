namespace ServiceHall.Core.Features.Supervision;

/// <summary>The numbers of S1–S3 with the national defaults; configuration section <c>Supervision</c>; the defaults of every hall's <see cref="HallSupervisionSettings"/>.</summary>
public sealed class SupervisionOptions
{
    /// <summary>How long after the service a citizen may still rate it from the phone.</summary>
    public int RatingWindowHours { get; set; } = 72;
    /// <summary>How long after the service the pad beside its counter may take the rating (the citizen is still there).</summary>
    public int PadRatingMinutes { get; set; } = 10;
    /// <summary>Bad ratings: call back within 1 working day.</summary>
    public int CallbackWorkingDays { get; set; } = 1;
    /// <summary>Bad ratings: rectify and report back within 15 working days.</summary>
    public int RectifyWorkingDays { get; set; } = 15;
    /// <summary>Complaints: assigned within 1 working day of registration.</summary>
    public int ComplaintAssignWorkingDays { get; set; } = 1;
    /// <summary>Complaints: replied to within 5 working days of registration (医疗机构投诉管理办法: 5, or 10 with several departments).</summary>
    public int ComplaintReplyWorkingDays { get; set; } = 5;
    /// <summary>Complaints: closed within 10 working days of registration.</summary>
    public int ComplaintCloseWorkingDays { get; set; } = 10;
    /// <summary>Attendance: staff sign in this many minutes before opening ("提前10分钟到岗").</summary>
    public int EarlyArrivalMinutes { get; set; } = 10;
    /// <summary>Null (the default): off. Some provinces count a service not rated within 7 days as 基本满意.</summary>
    public int? DefaultRatingAfterDays { get; set; }
    /// <summary>How often deadlines are scanned for overdue follow-ups and complaints.</summary>
    public int ScanSeconds { get; set; } = 300;
}
