using System.Text.RegularExpressions;
using ServiceHall.Core.Features.Admin;
using ServiceHall.Core.Features.Conduct;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Halls.Templates;

namespace ServiceHall.UnitTests.Features.Halls.Templates;

public class HallTemplatesTests
{
    public static TheoryData<HallKind> Kinds => [.. Enum.GetValues<HallKind>()];

    [Fact]
    public void All_OneTemplatePerKind()
    {
        Assert.Equal(Enum.GetValues<HallKind>(), HallTemplates.All.Select(t => t.Kind));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Items_HaveUniqueValidPrefixesStandardTimesAndKnownDepartments(HallKind kind)
    {
        var t = HallTemplates.For(kind);
        Assert.NotEmpty(t.Items);
        Assert.All(t.Items, i =>
        {
            Assert.Matches(new Regex("^[A-Z]{1,3}$"), i.Prefix);
            Assert.InRange(i.StandardMinutes, 1, 240);
            Assert.InRange(i.Department, 0, t.Departments.Count - 1);
            Assert.True(i.ServedFrom is null || i.ServedUntil is null || i.ServedFrom < i.ServedUntil);
        });
        Assert.Equal(t.Items.Count, t.Items.Select(i => i.Prefix).Distinct().Count());
        Assert.Equal(t.Departments.Count, t.Departments.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Counters_ServeOnlyTheTemplatesItems_AndEveryItemHasACounter(HallKind kind)
    {
        var t = HallTemplates.For(kind);
        var prefixes = t.Items.Select(i => i.Prefix).ToHashSet();
        Assert.Equal(t.Counters.Count, t.Counters.Select(c => c.Number).Distinct().Count());
        Assert.All(t.Counters, c => Assert.Subset(prefixes, c.ItemPrefixes.ToHashSet()));
        Assert.All(t.Items, i => Assert.Contains(t.Counters, c => c.ItemPrefixes.Contains(i.Prefix)));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Hours_AreValidHallSettings_AndItemHoursLieWithinThem(HallKind kind)
    {
        var t = HallTemplates.For(kind);
        var hall = new Hall { Name = "" };
        // The same checks an administrator's form goes through.
        ApplyHallTemplate.Settings(t, new HallRequest("测试")).ApplyTo(hall);
        Assert.Equal((t.Hours.OpensAt, t.Hours.ClosesAt, t.Hours.IssueCutoff), (hall.OpensAt, hall.ClosesAt, hall.IssueCutoff));
        Assert.All(t.Items, i =>
        {
            Assert.True(i.ServedFrom is null || i.ServedFrom >= hall.OpensAt);
            Assert.True(i.ServedUntil is null || i.ServedUntil <= hall.IssueCutoff);
        });
    }

    [Fact]
    public void Hospital_OpenAroundTheClockEveryDay_OutpatientItemsInOutpatientHours_EmergencyAlways()
    {
        var t = HallTemplates.For(HallKind.Hospital);
        var hall = new Hall { Name = "" };
        ApplyHallTemplate.Settings(t, new HallRequest("医院")).ApplyTo(hall);
        foreach (var day in Enumerable.Range(0, 7).Select(d => new DateOnly(2026, 12, 7).AddDays(d)))
        {
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var schedule = OpeningHours.For(hall, day, isWorkingDay: !weekend, listedAs: null);
            Assert.True(schedule.Open);
            Assert.Equal((new TimeOnly(0, 0), new TimeOnly(23, 59)), (schedule.OpensAt, schedule.ClosesAt));
        }
        var emergency = Assert.Single(t.Items, i => i.Action == CallAction.SeeDoctor);
        Assert.Equal("急诊就诊", emergency.Name);
        Assert.Null(emergency.ServedFrom);
        Assert.Null(emergency.ServedUntil);
        Assert.All(t.Items.Where(i => i != emergency), i => Assert.Equal((new TimeOnly(8, 0), new TimeOnly(17, 0)), (i.ServedFrom, i.ServedUntil)));
        Assert.Equal(CallAction.CollectMedicine, Assert.Single(t.Items, i => i.Name == "门诊取药").Action);
        Assert.Equal(["导医服务台", "挂号收费处", "门诊药房", "检验科", "急诊科"], t.Departments);
    }

    [Fact]
    public void TicketOffice_OpenWeekends_PropertyDesk_OfficeHoursOnWorkingDays()
    {
        var office = new Hall { Name = "" };
        ApplyHallTemplate.Settings(HallTemplates.For(HallKind.TicketOffice), new HallRequest("售票处")).ApplyTo(office);
        var desk = new Hall { Name = "" };
        ApplyHallTemplate.Settings(HallTemplates.For(HallKind.PropertyDesk), new HallRequest("物业")).ApplyTo(desk);
        var saturday = new DateOnly(2026, 12, 12);
        var sunday = new DateOnly(2026, 12, 13);
        Assert.True(OpeningHours.For(office, saturday, false, null).Open);
        Assert.True(OpeningHours.For(office, sunday, false, null).Open);
        Assert.False(OpeningHours.For(desk, saturday, false, null).Open);
        Assert.Equal((new TimeOnly(9, 0), new TimeOnly(17, 0)),
            (OpeningHours.For(desk, new DateOnly(2026, 12, 7), true, null).OpensAt, OpeningHours.For(desk, new DateOnly(2026, 12, 7), true, null).ClosesAt));
    }

    [Theory]
    [InlineData(HallKind.Government, "老人,残疾人,军人,孕妇,急诊")]
    [InlineData(HallKind.Hospital, "急诊,老年人,残疾人,军人,孕产妇")]
    [InlineData(HallKind.TicketOffice, "老弱病残孕,军人")]
    public void PriorityCategories_AsTheIssueListsThem(HallKind kind, string expected)
    {
        var t = HallTemplates.For(kind);
        Assert.Equal(expected.Split(','), t.PriorityCategories.Select(p => p.Zh));
        Assert.All(t.PriorityCategories, p => Assert.False(string.IsNullOrWhiteSpace(p.En)));
    }

    [Theory]
    [InlineData(HallKind.Government, "群众", "citizen")]
    [InlineData(HallKind.Hospital, "患者", "patient")]
    [InlineData(HallKind.TicketOffice, "旅客", "passenger")]
    [InlineData(HallKind.PropertyDesk, "业主", "resident")]
    public void CitizenWords_PerKind(HallKind kind, string zh, string en)
    {
        Assert.Equal(new CitizenWords(zh, en), HallTemplates.For(kind).Citizen);
    }

    [Theory]
    [InlineData(HallKind.Government, new[] { HallModule.Guides, HallModule.Cases })]
    [InlineData(HallKind.Hospital, new[] { HallModule.MultiStepVisits, HallModule.Appointments })]
    [InlineData(HallKind.PropertyDesk, new[] { HallModule.Inquiries, HallModule.Complaints })]
    public void Modules_IncludeThoseTheIssueNames(HallKind kind, HallModule[] named)
    {
        Assert.Subset(HallTemplates.For(kind).Modules.ToHashSet(), named.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Phrases_UniqueShortEnough_WithGreetingFarewellAndForbidden(HallKind kind)
    {
        var phrases = HallTemplates.For(kind).Phrases;
        Assert.Equal(phrases.Count, phrases.Select(p => p.Text).Distinct().Count());
        Assert.All(phrases, p => Assert.InRange(p.Text.Length, 1, ConductPhrase.MaxLength));
        foreach (var phraseKind in new[] { PhraseKind.Greeting, PhraseKind.Farewell, PhraseKind.Forbidden })
            Assert.Contains(phrases, p => p.Kind == phraseKind);
    }

    [Fact]
    public void Phrases_SectorsOwn_GovernmentKeepsTheDefaults()
    {
        Assert.Equal(DefaultConductPhrases.All, HallTemplates.For(HallKind.Government).Phrases);
        var property = HallTemplates.For(HallKind.PropertyDesk).Phrases;
        Assert.Contains(("您好，物业", PhraseKind.Greeting), property);
        Assert.Contains(("我是才到的新员工", PhraseKind.Forbidden), property);
        Assert.DoesNotContain(property, p => p.Text == "请您x年x月x日来取证件");
        Assert.Contains(("你去告好了", PhraseKind.Forbidden), HallTemplates.For(HallKind.Hospital).Phrases);
    }

    [Fact]
    public void Rows_CopyTheTemplate_ItemsWithTheirActionsAnnouncementAndCountersByPrefix()
    {
        var hallId = Guid.NewGuid();
        var t = HallTemplates.For(HallKind.Hospital);
        var rows = ApplyHallTemplate.Rows(hallId, t, new DateTime(2026, 12, 7, 2, 0, 0, DateTimeKind.Utc));
        Assert.Equal(t.Departments, rows.Departments.Select(d => d.Name));
        Assert.Equal([hallId], rows.Departments.Select(d => d.HallId).Concat(rows.Items.Select(i => i.HallId))
            .Concat(rows.Counters.Select(c => c.HallId)).Concat(rows.Phrases.Select(p => p.HallId)).Distinct());
        var pharmacy = rows.Items.Single(i => i.Prefix == "C");
        Assert.Equal(("门诊取药", 4, "请{number}号到{counter}号窗口取药"), (pharmacy.Name, pharmacy.AverageServiceMinutes, pharmacy.AnnouncementZh));
        Assert.Equal(rows.Departments.Single(d => d.Name == "门诊药房").Id, pharmacy.DepartmentId);
        var counter3 = rows.Counters.Single(c => c.Number == 3);
        Assert.Equal("3号窗口", counter3.Name);
        Assert.Equal([pharmacy.Id], counter3.ServiceItems.Select(s => s.ServiceItemId));
        Assert.Equal(t.Phrases.Count, rows.Phrases.Count);
    }

    [Fact]
    public void Settings_WhatTheAdministratorTyped_WinsOverTheTemplate()
    {
        var t = HallTemplates.For(HallKind.TicketOffice);
        var request = ApplyHallTemplate.Settings(t, new HallRequest("东站售票处", OpensAt: new TimeOnly(7, 0), CitizenWord: "乘客"));
        Assert.Equal((new TimeOnly(7, 0), t.Hours.ClosesAt, "乘客", "passenger"),
            (request.OpensAt, request.ClosesAt, request.CitizenWord, request.CitizenWordEn));
        Assert.Equal(t.Hours.Weekdays, request.WeekdayHours);
    }
}
