using ServiceHall.Core;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Halls.Templates;
using ServiceHall.Core.Features.Priorities;
using ServiceHall.Core.Features.Queue;

namespace ServiceHall.UnitTests.Features.Priorities;

public class PriorityClaimsTests
{
    private static readonly Guid Old = Guid.NewGuid(), Elder = Guid.NewGuid(), Soldier = Guid.NewGuid(), Urgent = Guid.NewGuid();

    /// <summary>A hall with two elderly categories (the first in order is 老年人), a dropped military one and emergency.</summary>
    private static readonly CategoryFacts[] Hall =
    [
        new(Old, TicketPriority.Elderly, IsActive: true, SortOrder: 2),
        new(Elder, TicketPriority.Elderly, IsActive: true, SortOrder: 1),
        new(Soldier, TicketPriority.Military, IsActive: false, SortOrder: 3),
        new(Urgent, TicketPriority.Emergency, IsActive: true, SortOrder: 0),
    ];

    [Fact]
    public void Resolve_ByCategory_TakesItsClass()
    {
        Assert.Equal(new PriorityClaim(TicketPriority.Emergency, Urgent), PriorityClaims.Resolve(Urgent, TicketPriority.Normal, Hall));
        Assert.Equal(new PriorityClaim(TicketPriority.Elderly, Old), PriorityClaims.Resolve(Old, TicketPriority.Elderly, Hall));
    }

    [Fact]
    public void Resolve_ByCategoryWithAnotherClass_IsRefused()
    {
        var refusal = Assert.Throws<DomainException>(() => PriorityClaims.Resolve(Old, TicketPriority.Emergency, Hall));
        Assert.Equal((ErrorKind.Validation, ErrorCodes.PriorityCategoryClassMismatch, "priority"), (refusal.Kind, refusal.Code, refusal.Field));
    }

    [Fact]
    public void Resolve_UnknownOrInactiveCategory_IsRefused()
    {
        Assert.Equal(ErrorKind.NotFound, Assert.Throws<DomainException>(() => PriorityClaims.Resolve(Guid.NewGuid(), TicketPriority.Normal, Hall)).Kind);
        var inactive = Assert.Throws<DomainException>(() => PriorityClaims.Resolve(Soldier, TicketPriority.Normal, Hall));
        Assert.Equal((ErrorKind.Conflict, ErrorCodes.PriorityCategoryInactive), (inactive.Kind, inactive.Code));
    }

    [Fact]
    public void Resolve_ByClassName_TakesTheHallsFirstActiveCategoryOfThatClass()
    {
        Assert.Equal(new PriorityClaim(TicketPriority.Elderly, Elder), PriorityClaims.Resolve(null, TicketPriority.Elderly, Hall));
        Assert.Equal(new PriorityClaim(TicketPriority.Emergency, Urgent), PriorityClaims.Resolve(null, TicketPriority.Emergency, Hall));
    }

    [Theory]
    [InlineData(TicketPriority.Military)] // its only category is deactivated
    [InlineData(TicketPriority.Pregnant)] // the hall has none
    public void Resolve_ByClassTheHallDoesNotOffer_IsRefused(TicketPriority priority)
    {
        var refusal = Assert.Throws<DomainException>(() => PriorityClaims.Resolve(null, priority, Hall));
        Assert.Equal((ErrorKind.Validation, ErrorCodes.PriorityNotOffered, "priority"), (refusal.Kind, refusal.Code, refusal.Field));
    }

    [Fact]
    public void Resolve_Normal_HasNoCategory_AndNeedsNone()
    {
        Assert.Equal(new PriorityClaim(TicketPriority.Normal, null), PriorityClaims.Resolve(null, TicketPriority.Normal, []));
        Assert.False(PriorityClaims.Claims(null, TicketPriority.Normal));
        Assert.True(PriorityClaims.Claims(Old, TicketPriority.Normal));
        Assert.True(PriorityClaims.Claims(null, TicketPriority.Pregnant));
    }

    [Fact]
    public void LaneOf_EmergencyAloneGoesFirst_TheOtherClassesShareThePriorityLane()
    {
        Assert.Equal(PriorityLane.Emergency, PriorityClaims.LaneOf(TicketPriority.Emergency));
        Assert.All(PriorityClaims.Classes.Where(c => c != TicketPriority.Emergency), c => Assert.Equal(PriorityLane.Priority, PriorityClaims.LaneOf(c)));
        Assert.DoesNotContain(TicketPriority.Normal, PriorityClaims.Classes);
    }

    [Theory]
    [InlineData(HallKind.Government, "老人:Elderly:v,残疾人:Disabled:v,军人:Military:v,孕妇:Pregnant:-,急诊:Emergency:-")]
    [InlineData(HallKind.Hospital, "急诊:Emergency:-,老年人:Elderly:v,残疾人:Disabled:v,军人:Military:v,孕产妇:Pregnant:-")]
    [InlineData(HallKind.TicketOffice, "老弱病残孕:Elderly:-,军人:Military:v")]
    public void FromTemplate_GivesTheKindsCategories_InOrder_WithTheirClassAndCheck(HallKind kind, string expected)
    {
        var hallId = Guid.NewGuid();
        var categories = PriorityClaims.FromTemplate(hallId, HallTemplates.For(kind), DateTime.UtcNow);
        Assert.Equal(expected.Split(','), categories.OrderBy(c => c.SortOrder)
            .Select(c => $"{c.NameZh}:{c.Class}:{(c.RequiresVerification ? "v" : "-")}"));
        Assert.All(categories, c => Assert.True(c.HallId == hallId && c.IsActive && c.NameEn.Length > 0));
        Assert.Equal(categories.Count, categories.Select(c => c.Id).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Templates_FitTheRulesAHallSavesBy(HallKind kind)
    {
        var categories = PriorityClaims.FromTemplate(Guid.NewGuid(), HallTemplates.For(kind), DateTime.UtcNow);
        for (var i = 0; i < categories.Count; i++)
        {
            var c = categories[i];
            PriorityClaims.Check(c.NameZh, c.NameEn, c.Class, turnsOn: true, categories.Take(i).ToList());
        }
    }

    public static TheoryData<HallKind> Kinds => [.. Enum.GetValues<HallKind>()];

    private static PriorityCategory Category(string zh, string en, bool active = true) =>
        new() { Id = Guid.NewGuid(), NameZh = zh, NameEn = en, Class = TicketPriority.Elderly, IsActive = active };

    [Fact]
    public void Check_NormalIsNoCategoryClass()
    {
        var refusal = Assert.Throws<DomainException>(() => PriorityClaims.Check("普通", "Normal", TicketPriority.Normal, true, []));
        Assert.Equal((ErrorCodes.PriorityClassInvalid, "priorityClass"), (refusal.Code, refusal.Field));
    }

    [Theory]
    [InlineData("老人", "Senior")]
    [InlineData("长者", "ELDERLY")]
    public void Check_NamesAreUniqueInTheHall_InEitherLanguage(string zh, string en)
    {
        var refusal = Assert.Throws<DomainException>(() =>
            PriorityClaims.Check(zh, en, TicketPriority.Elderly, true, [Category("老人", "Elderly")]));
        Assert.Equal((ErrorKind.Conflict, ErrorCodes.PriorityCategoryNameTaken), (refusal.Kind, refusal.Code));
    }

    [Fact]
    public void Check_AtMostEightOffered_ButAnOfferedOneStaysEditable_AndInactiveOnesDoNotCount()
    {
        var eight = Enumerable.Range(1, 8).Select(n => Category($"类别{n}", $"Category {n}")).Append(Category("旧类别", "Old", active: false)).ToList();
        var refusal = Assert.Throws<DomainException>(() => PriorityClaims.Check("第九", "Ninth", TicketPriority.Elderly, turnsOn: true, eight));
        Assert.Equal((ErrorKind.Conflict, ErrorCodes.PriorityCategoriesTooMany), (refusal.Kind, refusal.Code));
        PriorityClaims.Check("第九", "Ninth", TicketPriority.Elderly, turnsOn: false, eight);
        PriorityClaims.Check("第八", "Eighth", TicketPriority.Elderly, turnsOn: true, eight.Skip(1).ToList());
    }
}
