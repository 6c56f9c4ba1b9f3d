using ServiceHall.Core.Features.Appointments;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Halls.Templates;

namespace ServiceHall.UnitTests.Features.Appointments;

public class AppointmentsModuleTests
{
    [Fact]
    public void IsUsedBy_AHallWithTheModuleOn() =>
        Assert.True(AppointmentsModule.IsUsedBy(new Hall { Name = "医院", Kind = HallKind.Hospital, ModulesOff = [HallModule.Guides] }));

    [Fact]
    public void IsUsedBy_NotAHallThatSwitchedItOff() =>
        Assert.False(AppointmentsModule.IsUsedBy(new Hall { Name = "医院", Kind = HallKind.Hospital, ModulesOff = [HallModule.Appointments] }));
}
