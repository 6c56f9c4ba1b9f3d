using ServiceHall.Core.Features.Calendar;
using ServiceHall.Core.Features.Cases;
using ServiceHall.Core.Features.Guides;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.UnitTests.Features.Cases;

public class CaseStateMachineTests
{
    [Theory]
    [InlineData(CaseStatus.Registered, CaseStatus.AwaitingResubmission, true)]
    [InlineData(CaseStatus.Registered, CaseStatus.Accepted, true)]
    [InlineData(CaseStatus.AwaitingResubmission, CaseStatus.Resubmitted, true)]
    [InlineData(CaseStatus.AwaitingResubmission, CaseStatus.Accepted, false)] // 补正 comes first
    [InlineData(CaseStatus.Resubmitted, CaseStatus.AwaitingResubmission, true)] // a second notice (needs approval)
    [InlineData(CaseStatus.Accepted, CaseStatus.Completed, true)] // 即办件
    [InlineData(CaseStatus.Accepted, CaseStatus.Refused, false)] // refusal is before acceptance
    [InlineData(CaseStatus.InProgress, CaseStatus.Withdrawn, true)]
    [InlineData(CaseStatus.Completed, CaseStatus.Withdrawn, false)]
    [InlineData(CaseStatus.Completed, CaseStatus.PickedUp, true)]
    [InlineData(CaseStatus.Refused, CaseStatus.Accepted, false)]
    [InlineData(CaseStatus.Withdrawn, CaseStatus.Registered, false)]
    public void CanMove_FollowsTheIssue(CaseStatus from, CaseStatus to, bool allowed)
    {
        Assert.Equal(allowed, CaseStateMachine.CanMove(from, to));
    }

    [Fact]
    public void FinalStates_HaveNoNextState_AndEveryStateIsReachable()
    {
        Assert.True(CaseStateMachine.IsFinal(CaseStatus.PickedUp));
        Assert.True(CaseStateMachine.IsFinal(CaseStatus.Refused));
        Assert.True(CaseStateMachine.IsFinal(CaseStatus.Withdrawn));
        var reachable = new HashSet<CaseStatus> { CaseStatus.Registered };
        var frontier = new Queue<CaseStatus>([CaseStatus.Registered]);
        while (frontier.TryDequeue(out var s))
            foreach (var next in CaseStateMachine.Next(s).Where(reachable.Add))
                frontier.Enqueue(next);
        Assert.Equal(Enum.GetValues<CaseStatus>().Length, reachable.Count);
    }
}

public class CasePromiseTests
{
    private readonly WorkingDayCalendar _calendar = HallCalendar.From([]).Calendar;
    private readonly HallClock _clock = new("Asia/Shanghai");
    private readonly Hall _hall = new() { Name = "测试" }; // closes 17:00

    private DateTime Local(int y, int m, int d, int h, int min = 0) => _clock.ToUtc(new DateOnly(y, m, d), new TimeOnly(h, min));

    [Theory]
    // Thursday before 春节 2026: 3 working days → 02-13, 02-14 (make-up Saturday), 02-24.
    [InlineData(2026, 2, 12, 10, TimeLimitClass.Promised, 3, 0, "2026-02-12", "2026-02-24", "2026-02-24")]
    // Friday evening after closing: received on the make-up Saturday, day 1 is after 春节.
    [InlineData(2026, 2, 13, 18, TimeLimitClass.Promised, 3, 1, "2026-02-14", "2026-02-26", "2026-02-27")]
    // Before 国庆: a week for coordination ends on 10-07 (a day off) → 10-08.
    [InlineData(2026, 9, 30, 9, TimeLimitClass.Coordination, 7, 0, "2026-09-30", "2026-10-08", "2026-10-08")]
    // Same day and immediate: the day itself, or the next working day after hours.
    [InlineData(2026, 11, 23, 16, TimeLimitClass.SameDay, 0, 0, "2026-11-23", "2026-11-23", "2026-11-23")]
    [InlineData(2026, 11, 27, 17, TimeLimitClass.Immediate, 0, 0, "2026-11-30", "2026-11-30", "2026-11-30")]
    // Year end into 元旦 2026.
    [InlineData(2025, 12, 31, 11, TimeLimitClass.Promised, 1, 1, "2025-12-31", "2026-01-04", "2026-01-05")]
    public void Compute_OnTheCalendar(int y, int m, int d, int h, TimeLimitClass kind, int days, int pickup,
        string received, string due, string pickupDate)
    {
        var promise = CasePromise.Compute(_calendar, _clock, _hall, Local(y, m, d, h), kind, days, pickup);
        Assert.Equal(DateOnly.Parse(received), promise.ReceivedDay);
        Assert.Equal(DateOnly.Parse(due), promise.DueDate);
        Assert.Equal(DateOnly.Parse(pickupDate), promise.PickupDate);
        Assert.Equal(_clock.ToUtc(DateOnly.Parse(due), _hall.ClosesAt), promise.DueAtUtc);
    }
}

public class DeadlineRulesTests
{
    private readonly WorkingDayCalendar _calendar = HallCalendar.From([]).Calendar;
    private readonly HallClock _clock = new("Asia/Shanghai");

    private DeadlineState At(string today, int hour, string due) =>
        DeadlineRules.Evaluate(_calendar, DateOnly.Parse(today), _clock.ToUtc(DateOnly.Parse(today), new TimeOnly(hour, 0)),
            DateOnly.Parse(due), _clock.ToUtc(DateOnly.Parse(due), new TimeOnly(17, 0)));

    [Theory]
    [InlineData("2026-11-24", 10, "2026-11-26", DeadlineState.OnTime)]
    [InlineData("2026-11-25", 10, "2026-11-26", DeadlineState.DueSoon)] // one working day before
    [InlineData("2026-11-26", 16, "2026-11-26", DeadlineState.DueSoon)]
    [InlineData("2026-11-26", 17, "2026-11-26", DeadlineState.Overdue)] // the due day has closed
    [InlineData("2026-11-27", 9, "2026-11-26", DeadlineState.Overdue)]
    // Due Thursday 10-08 after 国庆: the working day before is 09-30, so the warning starts then.
    [InlineData("2026-09-29", 10, "2026-10-08", DeadlineState.OnTime)]
    [InlineData("2026-09-30", 10, "2026-10-08", DeadlineState.DueSoon)]
    [InlineData("2026-10-05", 10, "2026-10-08", DeadlineState.DueSoon)]
    // Due Monday 02-24 after 春节: warned from the make-up Saturday 02-14.
    [InlineData("2026-02-13", 10, "2026-02-24", DeadlineState.OnTime)]
    [InlineData("2026-02-14", 10, "2026-02-24", DeadlineState.DueSoon)]
    public void Evaluate_WarningOneWorkingDayBefore_OverdueAfter(string today, int hour, string due, DeadlineState expected)
    {
        Assert.Equal(expected, At(today, hour, due));
    }

    [Theory]
    [InlineData("2026-09-30", "2026-10-09", 2)] // 10-08 and 10-09
    [InlineData("2026-11-26", "2026-11-26", 0)]
    public void DaysOverdue_CountsWorkingDays(string due, string today, int days)
    {
        Assert.Equal(days, DeadlineRules.DaysOverdue(_calendar, DateOnly.Parse(today), DateOnly.Parse(due)));
    }
}
