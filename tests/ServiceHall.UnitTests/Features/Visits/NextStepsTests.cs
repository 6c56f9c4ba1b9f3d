using ServiceHall.Core;
using ServiceHall.Core.Features.Visits;

namespace ServiceHall.UnitTests.Features.Visits;

public class NextStepsTests
{
    private static readonly Guid Hall = Guid.NewGuid();
    private static readonly Guid OtherHall = Guid.NewGuid();
    private static readonly Guid Registration = Guid.NewGuid();
    private static readonly Guid Payment = Guid.NewGuid();
    private static readonly Guid Pharmacy = Guid.NewGuid();
    private static readonly Guid Elsewhere = Guid.NewGuid();

    /// <summary>挂号 → 缴费 → 取药 as stored, and an item of another hall.</summary>
    private static List<StepItem> Chain(Guid? pharmacyNext = null) =>
    [
        new(Registration, Hall, Payment), new(Payment, Hall, Pharmacy), new(Pharmacy, Hall, pharmacyNext),
        new(Elsewhere, OtherHall, null),
    ];

    [Fact]
    public void Problem_NoNextStep_None() =>
        Assert.Null(NextSteps.Problem(Pharmacy, Hall, null, Chain()));

    [Fact]
    public void Problem_HospitalChainRegistrationPaymentPharmacy_None()
    {
        Assert.Null(NextSteps.Problem(Registration, Hall, Payment, Chain()));
        Assert.Null(NextSteps.Problem(Payment, Hall, Pharmacy, Chain()));
    }

    [Fact]
    public void Problem_ItemOfAnotherHall_NotInHall()
    {
        var problem = NextSteps.Problem(Pharmacy, Hall, Elsewhere, Chain());
        Assert.Equal(ErrorCodes.NextStepNotInHall, problem?.Code);
    }

    [Fact]
    public void Problem_UnknownItem_NotInHall() =>
        Assert.Equal(ErrorCodes.NextStepNotInHall, NextSteps.Problem(Pharmacy, Hall, Guid.NewGuid(), Chain())?.Code);

    [Fact]
    public void Problem_ItselfAsNextStep_Cycle()
    {
        var problem = NextSteps.Problem(Pharmacy, Hall, Pharmacy, Chain());
        Assert.Equal(ErrorCodes.NextStepCycle, problem?.Code);
        Assert.Equal([Pharmacy, Pharmacy], problem!.Value.Chain);
    }

    [Fact]
    public void Problem_PharmacyBackToRegistration_CycleWithTheWholeChain()
    {
        var problem = NextSteps.Problem(Pharmacy, Hall, Registration, Chain());
        Assert.Equal(ErrorCodes.NextStepCycle, problem?.Code);
        Assert.Equal([Pharmacy, Registration, Payment, Pharmacy], problem!.Value.Chain);
    }

    [Fact]
    public void Problem_TheItemsStoredNextStepIsReplaced_NotFollowed()
    {
        // Payment → Pharmacy is stored; Payment now names Registration, whose chain leads back to Payment: a cycle of two.
        var problem = NextSteps.Problem(Payment, Hall, Registration, Chain());
        Assert.Equal([Payment, Registration, Payment], problem!.Value.Chain);
        // Registration may instead go straight to the pharmacy, where the chain ends.
        Assert.Null(NextSteps.Problem(Registration, Hall, Pharmacy, Chain()));
    }

    [Fact]
    public void Problem_StoredLoopElsewhereInTheChain_StillEnds()
    {
        // A loop the item being saved is not part of (never stored by this rule, but the walk must end).
        List<StepItem> items = [new(Registration, Hall, null), new(Payment, Hall, Pharmacy), new(Pharmacy, Hall, Payment)];
        Assert.Equal(ErrorCodes.NextStepCycle, NextSteps.Problem(Registration, Hall, Payment, items)?.Code);
    }
}
