using ServiceHall.Core.Features.Appointments;

namespace ServiceHall.UnitTests.Features.Appointments;

public class AppointmentCounterTests
{
    private static readonly Guid Counter1 = Guid.NewGuid(), Counter2 = Guid.NewGuid(), Doctor = Guid.NewGuid(), Other = Guid.NewGuid();
    private static readonly DateTime Morning = new(2026, 11, 24, 0, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void For_ASlotOfACounter_ThatCounter_WhoeverIsSignedIn() =>
        Assert.Equal(Counter1, AppointmentCounter.For(Counter1, null, [new(Counter2, Doctor, Morning)]));

    [Fact]
    public void For_ASlotWithADoctorSignedIn_TheirCounter() =>
        Assert.Equal(Counter2, AppointmentCounter.For(null, Doctor, [new(Counter1, Other, Morning), new(Counter2, Doctor, Morning)]));

    [Fact]
    public void For_ADoctorAtTwoCounters_TheOneOpenedLast() =>
        Assert.Equal(Counter1, AppointmentCounter.For(null, Doctor, [new(Counter2, Doctor, Morning), new(Counter1, Doctor, Morning.AddHours(1))]));

    [Fact]
    public void For_ADoctorNotSignedIn_TheItemsAppointmentLane() =>
        Assert.Null(AppointmentCounter.For(null, Doctor, [new(Counter1, Other, Morning)]));

    [Fact]
    public void For_ASlotOfTheItem_TheItemsAppointmentLane() =>
        Assert.Null(AppointmentCounter.For(null, null, [new(Counter1, Doctor, Morning)]));
}
