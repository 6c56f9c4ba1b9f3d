using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Halls.Templates;

namespace ServiceHall.UnitTests.Features.Halls;

public class HallModulesTests
{
    [Fact]
    public void Uses_HallFromBeforeModules_UsesEveryModule()
    {
        var hall = new Hall { Name = "政务服务中心" };
        Assert.All(HallModules.All, m => Assert.True(hall.Uses(m)));
    }

    [Fact]
    public void Uses_ModuleSwitchedOff_IsOffAndTheOthersOn()
    {
        var hall = new Hall { Name = "滨江医院", ModulesOff = [HallModule.Guides, HallModule.Cases] };
        Assert.False(hall.Uses(HallModule.Guides));
        Assert.False(hall.Uses(HallModule.Cases));
        Assert.True(hall.Uses(HallModule.Appointments));
        Assert.Equal([HallModule.Inquiries, HallModule.Complaints, HallModule.MultiStepVisits, HallModule.Appointments],
            HallModules.On(hall.ModulesOff));
    }

    [Fact]
    public void OffWhenOn_StoresEveryModuleLeftOut_SoTheTemplatesModulesAreTheOnesOn()
    {
        var hospital = HallTemplates.For(HallKind.Hospital);
        var off = HallModules.OffWhenOn(hospital.Modules);
        Assert.Equal([HallModule.Guides, HallModule.Cases], off);
        Assert.Equal(hospital.Modules.Order(), HallModules.On(off).Order());
    }

    [Theory]
    [InlineData("/api/cases/{caseId:guid}/accept", HallModule.Cases)]
    [InlineData("/api/halls/{hallId:guid}/cases/", HallModule.Cases)]
    [InlineData("/api/halls/{hallId:guid}/overdue-cases", HallModule.Cases)]
    [InlineData("/cases/{caseId:guid}/notices/{noticeId:guid}", HallModule.Cases)]
    [InlineData("/api/halls/{hallId:guid}/service-items/{itemId:guid}/guide/qr.svg", HallModule.Guides)]
    [InlineData("/guide/{hallId:guid}/{itemId:guid}", HallModule.Guides)]
    [InlineData("/api/halls/{hallId:guid}/inquiry-report", HallModule.Inquiries)]
    [InlineData("/api/inquiries/{inquiryId:guid}/question", HallModule.Inquiries)]
    [InlineData("/api/complaints/{complaintId:guid}/content", HallModule.Complaints)]
    [InlineData("/api/halls/{hallId:guid}/statistics/complaints", HallModule.Complaints)]
    [InlineData("/complain/{hallId:guid}", HallModule.Complaints)]
    [InlineData("/api/halls/{hallId:guid}/bookings/check-in", HallModule.Appointments)]
    [InlineData("/api/slots/{slotId:guid}/bookings", HallModule.Appointments)]
    [InlineData("/api/halls/{hallId:guid}/service-items/{itemId:guid}/slots", HallModule.Appointments)]
    public void OfRoute_ARouteOfAModuleGroup_IsThatModule(string pattern, HallModule module)
    {
        Assert.Equal(module, HallModules.OfRoute(pattern));
    }

    [Theory]
    [InlineData("/api/halls/{hallId:guid}/service-items")]
    [InlineData("/api/halls/{hallId:guid}/statistics/tickets")]
    [InlineData("/api/halls/{hallId:guid}/casesx")]
    [InlineData("/api/tickets/{ticketId:guid}")]
    [InlineData("/kiosk/{hallId:guid}")]
    [InlineData("/api/halls/")]
    public void OfRoute_TheQueueAndEverythingOutsideTheTable_IsNoModule(string pattern)
    {
        Assert.Null(HallModules.OfRoute(pattern));
    }

    [Theory]
    [InlineData("/cases", HallModule.Cases)]
    [InlineData("/cases/0193a4b2-0000-7000-8000-000000000001", HallModule.Cases)]
    [InlineData("/Supervision/Appointments/", HallModule.Appointments)]
    [InlineData("/supervision/complaints/0193a4b2-0000-7000-8000-000000000001", HallModule.Complaints)]
    [InlineData("/complaints/new", HallModule.Complaints)]
    public void OfPage_APageOfAModule_IsThatModule(string path, HallModule module)
    {
        Assert.Equal(module, HallModules.OfPage(path));
    }

    [Theory]
    [InlineData("/counter")]
    [InlineData("/supervision")]
    [InlineData("/casework")]
    [InlineData("/")]
    public void OfPage_OtherPages_AreNoModule(string path)
    {
        Assert.Null(HallModules.OfPage(path));
    }

    [Fact]
    public void Tables_NameEveryModule()
    {
        Assert.Equal(HallModules.All.Order(), HallModules.Routes.Keys.Order());
        Assert.Equal(HallModules.All.Order(), HallModules.Pages.Keys.Order());
    }
}
