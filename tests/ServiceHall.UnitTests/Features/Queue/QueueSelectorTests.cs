using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;

namespace ServiceHall.UnitTests.Features.Queue;

public class QueueSelectorTests
{
    private static readonly DateTime T0 = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);
    private static readonly QueuePolicy StrictFair = new(PriorityPolicy.Strict, 3, Fairness: true);
    private static readonly QueuePolicy StrictUnfair = new(PriorityPolicy.Strict, 3, Fairness: false);

    public static TheoryData<TicketPriority> PriorityClasses =>
        [TicketPriority.Elderly, TicketPriority.Disabled, TicketPriority.Military, TicketPriority.Pregnant];

    private readonly Dictionary<Guid, string> _names = [];
    private int _nextId = 1;

    /// <summary>A candidate queued <paramref name="minute"/> minutes after T0; ids ascend in creation order.</summary>
    private QueueCandidate Ticket(
        string name, TicketPriority priority, double minute, int threshold = 10, int sequence = 0,
        double? slotStart = null, double? slotEnd = null, double? issuedMinute = null)
    {
        var id = new Guid(_nextId++, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        _names[id] = name;
        return new QueueCandidate(id, priority, At(minute), At(issuedMinute ?? minute), threshold,
            slotStart is { } s ? At(s) : null, slotEnd is { } e ? At(e) : null, sequence);
    }

    private static DateTime At(double minute) => T0.AddMinutes(minute);

    private string[] Names(IEnumerable<QueueCandidate> order) => order.Select(c => _names[c.Id]).ToArray();

    private string NameOf(QueueCandidate? candidate) => candidate is null ? "(none)" : _names[candidate.Id];

    // ---- strict policy -------------------------------------------------------------------

    [Fact]
    public void Order_StrictEmergencyQueuedLast_GoesFirst()
    {
        var queue = new[]
        {
            Ticket("N1", TicketPriority.Normal, 0),
            Ticket("P1", TicketPriority.Elderly, 1),
            Ticket("E1", TicketPriority.Emergency, 2),
        };

        Assert.Equal(["E1", "P1", "N1"], Names(QueueSelector.Order(queue, StrictUnfair, At(3))));
    }

    [Fact]
    public void Order_StrictPriorityClasses_ServedTogetherFirstComeFirstServed()
    {
        var queue = new[]
        {
            Ticket("N0", TicketPriority.Normal, 0),
            Ticket("Elderly3", TicketPriority.Elderly, 3),
            Ticket("Pregnant1", TicketPriority.Pregnant, 1),
            Ticket("Military2", TicketPriority.Military, 2),
            Ticket("Disabled4", TicketPriority.Disabled, 4),
            Ticket("Elderly5", TicketPriority.Elderly, 5),
        };

        Assert.Equal(["Pregnant1", "Military2", "Elderly3", "Disabled4", "Elderly5", "N0"],
            Names(QueueSelector.Order(queue, StrictUnfair, At(6))));
    }

    [Theory]
    [MemberData(nameof(PriorityClasses))]
    public void Order_StrictEachPriorityClass_AfterEmergencyBeforeEarlierNormal(TicketPriority priority)
    {
        var queue = new[]
        {
            Ticket("N", TicketPriority.Normal, 0),
            Ticket("P", priority, 1),
            Ticket("E", TicketPriority.Emergency, 2),
        };

        Assert.Equal(["E", "P", "N"], Names(QueueSelector.Order(queue, StrictUnfair, At(3))));
    }

    [Fact]
    public void Order_StrictSeveralEmergencies_FirstComeFirstServed()
    {
        var queue = new[]
        {
            Ticket("E2", TicketPriority.Emergency, 2),
            Ticket("N0", TicketPriority.Normal, 0),
            Ticket("E1", TicketPriority.Emergency, 1),
        };

        Assert.Equal(["E1", "E2", "N0"], Names(QueueSelector.Order(queue, StrictUnfair, At(3))));
    }

    [Fact]
    public void Order_NormalsOnly_FirstComeFirstServedByQueuedAtNotInputOrder()
    {
        var queue = new[]
        {
            Ticket("N3", TicketPriority.Normal, 3),
            Ticket("N1", TicketPriority.Normal, 1),
            Ticket("N2", TicketPriority.Normal, 2),
        };

        Assert.Equal(["N1", "N2", "N3"], Names(QueueSelector.Order(queue, StrictFair, At(4))));
    }

    [Fact]
    public void Order_SameQueuedAt_TiesBrokenBySequence()
    {
        var queue = new[]
        {
            Ticket("Seq7", TicketPriority.Normal, 0, sequence: 7),
            Ticket("Seq5", TicketPriority.Normal, 0, sequence: 5),
            Ticket("Seq6", TicketPriority.Normal, 0, sequence: 6),
        };

        Assert.Equal(["Seq5", "Seq6", "Seq7"], Names(QueueSelector.Order(queue, StrictFair, At(1))));
    }

    [Fact]
    public void Order_SameQueuedAtAndSequence_TiesBrokenById()
    {
        var low = new QueueCandidate(new Guid("00000001-0000-0000-0000-000000000000"), TicketPriority.Normal, T0, T0, 10);
        var high = new QueueCandidate(new Guid("00000002-0000-0000-0000-000000000000"), TicketPriority.Normal, T0, T0, 10);

        Assert.Equal([low.Id, high.Id], QueueSelector.Order([high, low], StrictFair, At(1)).Select(c => c.Id));
        Assert.Equal([low.Id, high.Id], QueueSelector.Order([low, high], StrictFair, At(1)).Select(c => c.Id));
    }

    [Fact]
    public void Order_EarlierQueuedAtWithHigherSequence_QueuedAtWins()
    {
        var queue = new[]
        {
            Ticket("Later", TicketPriority.Normal, 1, sequence: 1),
            Ticket("Earlier", TicketPriority.Normal, 0, sequence: 9),
        };

        Assert.Equal(["Earlier", "Later"], Names(QueueSelector.Order(queue, StrictFair, At(2))));
    }

    [Fact]
    public void Next_EmptyQueue_ReturnsNull()
    {
        Assert.Null(QueueSelector.Next([], StrictFair, T0));
        Assert.Null(QueueSelector.Next([], new QueuePolicy(PriorityPolicy.Interleave, 3, false), T0, 5));
    }

    [Fact]
    public void Order_EmptyQueue_YieldsNothing()
    {
        Assert.Empty(QueueSelector.Order([], StrictFair, T0));
    }

    [Fact]
    public void Next_AnyQueue_ReturnsFirstOfOrder()
    {
        var queue = new[]
        {
            Ticket("N1", TicketPriority.Normal, 0),
            Ticket("P1", TicketPriority.Disabled, 1),
        };

        Assert.Equal("P1", NameOf(QueueSelector.Next(queue, StrictUnfair, At(2))));
    }

    [Fact]
    public void Order_DuplicateIds_EachIdYieldedOnceFirstOccurrenceKept()
    {
        var n1 = Ticket("N1", TicketPriority.Normal, 0);
        var p1 = Ticket("P1", TicketPriority.Elderly, 1);
        // The same id again but looking like an emergency: the first occurrence is the one used.
        var n1Again = n1 with { Priority = TicketPriority.Emergency };

        var order = QueueSelector.Order([n1, p1, n1Again, p1, n1], StrictUnfair, At(2)).ToList();

        Assert.Equal(["P1", "N1"], Names(order));
        Assert.Equal(TicketPriority.Normal, order[1].Priority);
    }

    // ---- interleave policy ---------------------------------------------------------------

    [Fact]
    public void Order_InterleaveThreeNormalsPerPriority_OnePriorityAfterEveryThreeNormals()
    {
        var policy = new QueuePolicy(PriorityPolicy.Interleave, 3, Fairness: false);
        var queue = new[]
        {
            Ticket("P1", TicketPriority.Elderly, 0),
            Ticket("P2", TicketPriority.Pregnant, 1),
            Ticket("P3", TicketPriority.Military, 2),
            Ticket("N1", TicketPriority.Normal, 3),
            Ticket("N2", TicketPriority.Normal, 4),
            Ticket("N3", TicketPriority.Normal, 5),
            Ticket("N4", TicketPriority.Normal, 6),
            Ticket("N5", TicketPriority.Normal, 7),
            Ticket("N6", TicketPriority.Normal, 8),
            Ticket("N7", TicketPriority.Normal, 9),
        };

        Assert.Equal(["N1", "N2", "N3", "P1", "N4", "N5", "N6", "P2", "N7", "P3"],
            Names(QueueSelector.Order(queue, policy, At(10), normalsSinceLastPriority: 0)));
    }

    [Fact]
    public void Order_InterleaveOneNormalPerPriority_Alternates()
    {
        var policy = new QueuePolicy(PriorityPolicy.Interleave, 1, Fairness: false);
        var queue = new[]
        {
            Ticket("N1", TicketPriority.Normal, 0),
            Ticket("N2", TicketPriority.Normal, 1),
            Ticket("N3", TicketPriority.Normal, 2),
            Ticket("P1", TicketPriority.Elderly, 3),
            Ticket("P2", TicketPriority.Disabled, 4),
        };

        Assert.Equal(["N1", "P1", "N2", "P2", "N3"], Names(QueueSelector.Order(queue, policy, At(5))));
    }

    [Theory]
    [InlineData(0, "N1")]
    [InlineData(1, "N1")]
    [InlineData(2, "N1")]
    [InlineData(3, "P1")]
    [InlineData(7, "P1")]
    public void Next_InterleaveNormalsSinceLastPriority_PriorityOnlyOnceCountReached(int normalsSince, string expected)
    {
        var policy = new QueuePolicy(PriorityPolicy.Interleave, 3, Fairness: false);
        var queue = new[]
        {
            Ticket("P1", TicketPriority.Elderly, 0),
            Ticket("N1", TicketPriority.Normal, 1),
            Ticket("N2", TicketPriority.Normal, 2),
        };

        Assert.Equal(expected, NameOf(QueueSelector.Next(queue, policy, At(3), normalsSince)));
    }

    [Fact]
    public void Order_InterleaveCountPassedIn_CountContinuesThenResetsAfterPriority()
    {
        var policy = new QueuePolicy(PriorityPolicy.Interleave, 3, Fairness: false);
        var queue = new[]
        {
            Ticket("P1", TicketPriority.Elderly, 0),
            Ticket("P2", TicketPriority.Elderly, 1),
            Ticket("N1", TicketPriority.Normal, 2),
            Ticket("N2", TicketPriority.Normal, 3),
            Ticket("N3", TicketPriority.Normal, 4),
            Ticket("N4", TicketPriority.Normal, 5),
        };

        Assert.Equal(["N1", "P1", "N2", "N3", "N4", "P2"],
            Names(QueueSelector.Order(queue, policy, At(6), normalsSinceLastPriority: 2)));
    }

    [Fact]
    public void Next_InterleaveNoNormalWaiting_PriorityGoes()
    {
        var policy = new QueuePolicy(PriorityPolicy.Interleave, 3, Fairness: false);
        var queue = new[] { Ticket("P1", TicketPriority.Elderly, 0), Ticket("P2", TicketPriority.Military, 1) };

        Assert.Equal(["P1", "P2"], Names(QueueSelector.Order(queue, policy, At(2), normalsSinceLastPriority: 0)));
    }

    [Fact]
    public void Next_InterleaveNoPriorityWaiting_NormalGoes()
    {
        var policy = new QueuePolicy(PriorityPolicy.Interleave, 3, Fairness: false);
        var queue = new[] { Ticket("N1", TicketPriority.Normal, 0), Ticket("N2", TicketPriority.Normal, 1) };

        Assert.Equal(["N1", "N2"], Names(QueueSelector.Order(queue, policy, At(2), normalsSinceLastPriority: 9)));
    }

    [Fact]
    public void Order_InterleaveEmergency_AlwaysFirstAndNotInterleaved()
    {
        var policy = new QueuePolicy(PriorityPolicy.Interleave, 3, Fairness: false);
        var queue = new[]
        {
            Ticket("N1", TicketPriority.Normal, 0),
            Ticket("P1", TicketPriority.Elderly, 1),
            Ticket("E1", TicketPriority.Emergency, 2),
            Ticket("E2", TicketPriority.Emergency, 3),
        };

        Assert.Equal(["E1", "E2", "N1", "P1"], Names(QueueSelector.Order(queue, policy, At(4), normalsSinceLastPriority: 0)));
    }

    [Fact]
    public void QueuePolicyFrom_Hall_CopiesPolicyAndClampsNormalsPerPriorityToAtLeastOne()
    {
        var hall = new Hall
        {
            Name = "测试大厅", PriorityPolicy = PriorityPolicy.Interleave, InterleaveNormalsPerPriority = 0, FairnessEnabled = false,
        };

        Assert.Equal(new QueuePolicy(PriorityPolicy.Interleave, 1, false), QueuePolicy.From(hall));

        hall.InterleaveNormalsPerPriority = 4;
        hall.FairnessEnabled = true;
        Assert.Equal(new QueuePolicy(PriorityPolicy.Interleave, 4, true), QueuePolicy.From(hall));
    }

    // ---- fairness ------------------------------------------------------------------------

    [Fact]
    public void Next_FairnessOverdueNormalQueuedBeforePriority_NormalGoesFirst()
    {
        var queue = new[]
        {
            Ticket("N", TicketPriority.Normal, 0, threshold: 10),
            Ticket("P", TicketPriority.Elderly, 5),
        };

        Assert.Equal("N", NameOf(QueueSelector.Next(queue, StrictFair, At(10.5))));
    }

    [Fact]
    public void Next_FairnessNormalWaitedExactlyThreshold_PriorityStillGoesFirst()
    {
        var queue = new[]
        {
            Ticket("N", TicketPriority.Normal, 0, threshold: 10),
            Ticket("P", TicketPriority.Elderly, 5),
        };

        Assert.Equal("P", NameOf(QueueSelector.Next(queue, StrictFair, At(10))));
    }

    [Fact]
    public void Next_FairnessPriorityQueuedBeforeOverdueNormal_PriorityGoesFirst()
    {
        var queue = new[]
        {
            Ticket("P", TicketPriority.Pregnant, 0),
            Ticket("N", TicketPriority.Normal, 1, threshold: 10),
        };

        Assert.Equal(["P", "N"], Names(QueueSelector.Order(queue, StrictFair, At(60))));
    }

    [Fact]
    public void Next_FairnessPriorityQueuedSameInstantAsOverdueNormal_PriorityGoesFirst()
    {
        var queue = new[]
        {
            Ticket("N", TicketPriority.Normal, 0, threshold: 10, sequence: 1),
            Ticket("P", TicketPriority.Elderly, 0, sequence: 2),
        };

        Assert.Equal("P", NameOf(QueueSelector.Next(queue, StrictFair, At(60))));
    }

    [Fact]
    public void Next_FairnessOffOverdueNormalQueuedBeforePriority_PriorityWins()
    {
        var queue = new[]
        {
            Ticket("N", TicketPriority.Normal, 0, threshold: 10),
            Ticket("P", TicketPriority.Elderly, 5),
        };

        Assert.Equal(["P", "N"], Names(QueueSelector.Order(queue, StrictUnfair, At(60))));
    }

    [Fact]
    public void Next_FairnessOverdueNormal_EmergencyQueuedAfterItStillGoesFirst()
    {
        var queue = new[]
        {
            Ticket("N", TicketPriority.Normal, 0, threshold: 10),
            Ticket("E", TicketPriority.Emergency, 30),
        };

        Assert.Equal(["E", "N"], Names(QueueSelector.Order(queue, StrictFair, At(60))));
    }

    [Fact]
    public void Order_FairnessOverdueNormal_GoesThenPriorityBeforeFresherNormals()
    {
        var queue = new[]
        {
            Ticket("N1", TicketPriority.Normal, 0, threshold: 10),
            Ticket("P1", TicketPriority.Elderly, 5),
            Ticket("N2", TicketPriority.Normal, 6, threshold: 10),
        };

        Assert.Equal(["N1", "P1", "N2"], Names(QueueSelector.Order(queue, StrictFair, At(11))));
    }

    [Fact]
    public void Order_FairnessSeveralOverdueNormals_NoneOvertakenByLaterPriority()
    {
        var queue = new[]
        {
            Ticket("N1", TicketPriority.Normal, 0, threshold: 10),
            Ticket("N2", TicketPriority.Normal, 1, threshold: 10),
            Ticket("N3", TicketPriority.Normal, 2, threshold: 10),
            Ticket("P1", TicketPriority.Elderly, 20),
            Ticket("N4", TicketPriority.Normal, 21, threshold: 10),
        };

        Assert.Equal(["N1", "N2", "N3", "P1", "N4"], Names(QueueSelector.Order(queue, StrictFair, At(25))));
    }

    [Fact]
    public void Order_FairnessOverdueNormalBetweenTwoPriorities_EarlierPriorityFirstLaterAfter()
    {
        var queue = new[]
        {
            Ticket("P1", TicketPriority.Elderly, 0),
            Ticket("N1", TicketPriority.Normal, 1, threshold: 10),
            Ticket("P2", TicketPriority.Disabled, 2),
        };

        Assert.Equal(["P1", "N1", "P2"], Names(QueueSelector.Order(queue, StrictFair, At(30))));
    }

    [Fact]
    public void Order_FairnessNormalNotYetOverdue_StrictPriorityWins()
    {
        var queue = new[]
        {
            Ticket("N1", TicketPriority.Normal, 0, threshold: 30),
            Ticket("P1", TicketPriority.Elderly, 5),
        };

        Assert.Equal(["P1", "N1"], Names(QueueSelector.Order(queue, StrictFair, At(20))));
    }

    [Fact]
    public void Next_InterleavePriorityDueButOlderNormalOverdue_FairnessLetsNormalGo()
    {
        var policy = new QueuePolicy(PriorityPolicy.Interleave, 3, Fairness: true);
        var queue = new[]
        {
            Ticket("N1", TicketPriority.Normal, 0, threshold: 10),
            Ticket("P1", TicketPriority.Elderly, 5),
        };

        Assert.Equal(["N1", "P1"], Names(QueueSelector.Order(queue, policy, At(11), normalsSinceLastPriority: 3)));
    }

    // ---- appointments --------------------------------------------------------------------

    [Fact]
    public void Next_AppointmentDue_GoesBeforeEmergencyAndEarlierTickets()
    {
        var queue = new[]
        {
            Ticket("E", TicketPriority.Emergency, 0),
            Ticket("N", TicketPriority.Normal, 1),
            Ticket("Appt", TicketPriority.Normal, 5, slotStart: 10, slotEnd: 20),
        };

        Assert.Equal(["Appt", "E", "N"], Names(QueueSelector.Order(queue, StrictFair, At(10))));
    }

    [Fact]
    public void Order_SeveralDueAppointments_OrderedBySlotStartNotArrival()
    {
        var queue = new[]
        {
            Ticket("Slot10", TicketPriority.Normal, 9, slotStart: 10, slotEnd: 20),
            Ticket("Slot0", TicketPriority.Normal, 12, slotStart: 0, slotEnd: 10, issuedMinute: 8),
            Ticket("Slot5", TicketPriority.Elderly, 3, slotStart: 5, slotEnd: 15),
        };

        Assert.Equal(["Slot0", "Slot5", "Slot10"], Names(QueueSelector.Order(queue, StrictFair, At(12))));
    }

    [Fact]
    public void Next_AppointmentBeforeSlotStarts_NotInAppointmentLane()
    {
        var queue = new[]
        {
            Ticket("Appt", TicketPriority.Normal, 0, slotStart: 30, slotEnd: 40),
            Ticket("P", TicketPriority.Elderly, 1),
            Ticket("N", TicketPriority.Normal, 2),
        };

        // Until 30 the appointment is an ordinary normal ticket: after the priority one, before the later normal.
        Assert.Equal(["P", "Appt", "N"], Names(QueueSelector.Order(queue, StrictUnfair, At(29.99))));
        Assert.Equal(["Appt", "P", "N"], Names(QueueSelector.Order(queue, StrictUnfair, At(30))));
    }

    [Fact]
    public void Next_AppointmentCheckedInAfterSlotEnded_TreatedByItsPriorityClass()
    {
        var queue = new[]
        {
            Ticket("E", TicketPriority.Emergency, 20),
            Ticket("LateNormal", TicketPriority.Normal, 11, slotStart: 0, slotEnd: 10),
            Ticket("P", TicketPriority.Elderly, 15),
            Ticket("LateElderly", TicketPriority.Elderly, 12, slotStart: 0, slotEnd: 10),
        };

        Assert.Equal(["E", "LateElderly", "P", "LateNormal"], Names(QueueSelector.Order(queue, StrictUnfair, At(21))));
    }

    [Fact]
    public void Next_AppointmentCheckedInBeforeSlotEnd_StaysDueAfterSlotEnds()
    {
        var queue = new[]
        {
            Ticket("E", TicketPriority.Emergency, 0),
            Ticket("Appt", TicketPriority.Normal, 5, slotStart: 0, slotEnd: 10),
        };

        Assert.Equal("Appt", NameOf(QueueSelector.Next(queue, StrictFair, At(45))));
    }

    [Fact]
    public void Next_DueAppointment_GoesBeforeOverdueNormal()
    {
        var queue = new[]
        {
            Ticket("N", TicketPriority.Normal, 0, threshold: 5),
            Ticket("Appt", TicketPriority.Normal, 10, slotStart: 10, slotEnd: 20),
        };

        Assert.Equal(["Appt", "N"], Names(QueueSelector.Order(queue, StrictFair, At(15))));
    }

    [Theory]
    [InlineData(10, 5, true)] // slot begins now, checked in before it
    [InlineData(9.99, 5, false)] // slot not begun
    [InlineData(30, 20, true)] // checked in exactly at the end of the slot
    [InlineData(30, 20.01, false)] // checked in after the end of the slot
    [InlineData(60, 0, true)] // checked in before the slot began, slot now over
    public void IsAppointmentDue_SlotTenToTwenty_DueOnceBegunIfCheckedInByItsEnd(double nowMinute, double issuedMinute, bool expected)
    {
        var c = new QueueCandidate(Guid.NewGuid(), TicketPriority.Normal, At(issuedMinute), At(issuedMinute), 10,
            AppointmentStart: At(10), AppointmentEnd: At(20));

        Assert.Equal(expected, QueueSelector.IsAppointmentDue(c, At(nowMinute)));
    }

    [Fact]
    public void IsAppointmentDue_NoSlotOrHalfASlot_False()
    {
        var walkIn = new QueueCandidate(Guid.NewGuid(), TicketPriority.Normal, T0, T0, 10);

        Assert.False(QueueSelector.IsAppointmentDue(walkIn, At(60)));
        Assert.False(QueueSelector.IsAppointmentDue(walkIn with { AppointmentStart = T0 }, At(60)));
        Assert.False(QueueSelector.IsAppointmentDue(walkIn with { AppointmentEnd = At(120) }, At(60)));
    }

    // ---- properties over generated queues ------------------------------------------------

    private const int GeneratedQueues = 600;

    private static List<QueueCandidate> RandomQueue(Random random, bool withAppointments)
    {
        var size = random.Next(0, 40);
        var queue = new List<QueueCandidate>(size);
        var priorities = Enum.GetValues<TicketPriority>();
        for (var i = 0; i < size; i++)
        {
            // Few distinct minutes and sequences, so ties on QueuedAt and on Sequence are common.
            var queued = At(random.Next(0, 60));
            var issued = queued.AddMinutes(-random.Next(0, 3));
            DateTime? start = null, end = null;
            if (withAppointments && random.Next(4) == 0)
            {
                start = At(random.Next(-30, 90));
                end = start.Value.AddMinutes(random.Next(5, 30));
            }
            queue.Add(new QueueCandidate(
                Guid.NewGuid(), priorities[random.Next(priorities.Length)], queued, issued, random.Next(1, 40),
                start, end, random.Next(0, 5)));
        }
        return queue;
    }

    private static QueuePolicy RandomPolicy(Random random) =>
        new(random.Next(2) == 0 ? PriorityPolicy.Strict : PriorityPolicy.Interleave, random.Next(1, 5), random.Next(2) == 0);

    private static IOrderedEnumerable<QueueCandidate> FirstComeFirstServed(IEnumerable<QueueCandidate> lane) =>
        lane.OrderBy(c => c.QueuedAt).ThenBy(c => c.Sequence).ThenBy(c => c.Id);

    [Fact]
    public void Order_GeneratedQueuesAnyPolicy_YieldsEveryCandidateExactlyOnce()
    {
        var random = new Random(20261124);
        for (var run = 0; run < GeneratedQueues; run++)
        {
            var queue = RandomQueue(random, withAppointments: true);
            var policy = RandomPolicy(random);
            var now = At(random.Next(0, 120));
            var normalsSince = random.Next(0, 6);

            var order = QueueSelector.Order(queue, policy, now, normalsSince).ToList();

            Assert.Equal(queue.Count, order.Count);
            Assert.Equal(queue.Select(c => c.Id).Order(), order.Select(c => c.Id).Order());
            Assert.Equal(order.FirstOrDefault(), QueueSelector.Next(queue, policy, now, normalsSince));
        }
    }

    [Fact]
    public void Order_GeneratedQueuesWithDuplicates_YieldsEachIdExactlyOnce()
    {
        var random = new Random(7);
        for (var run = 0; run < GeneratedQueues; run++)
        {
            var queue = RandomQueue(random, withAppointments: true);
            var withDuplicates = queue.Concat(queue.Where(_ => random.Next(3) == 0)).OrderBy(_ => random.Next()).ToList();

            var order = QueueSelector.Order(withDuplicates, RandomPolicy(random), At(random.Next(0, 120)), random.Next(0, 6)).ToList();

            Assert.Equal(queue.Select(c => c.Id).Order(), order.Select(c => c.Id).Order());
        }
    }

    [Fact]
    public void Order_GeneratedQueuesStrictWithoutFairness_EqualsSortByLaneRankThenQueuedAt()
    {
        var random = new Random(42);
        for (var run = 0; run < GeneratedQueues; run++)
        {
            var queue = RandomQueue(random, withAppointments: false);
            var expected = FirstComeFirstServed(queue).OrderBy(c => QueueLanes.Rank(c.Priority)).Select(c => c.Id);

            var order = QueueSelector.Order(queue, StrictUnfair, At(random.Next(0, 120)), random.Next(0, 6));

            Assert.Equal(expected, order.Select(c => c.Id));
        }
    }

    [Fact]
    public void Order_GeneratedQueuesWithAppointmentsStrictWithoutFairness_DueAppointmentsBySlotThenLanes()
    {
        var random = new Random(4242);
        for (var run = 0; run < GeneratedQueues; run++)
        {
            var queue = RandomQueue(random, withAppointments: true);
            var now = At(random.Next(0, 120));
            var due = queue.Where(c => QueueSelector.IsAppointmentDue(c, now))
                .OrderBy(c => c.AppointmentStart).ThenBy(c => c.QueuedAt).ThenBy(c => c.Sequence).ThenBy(c => c.Id);
            var rest = FirstComeFirstServed(queue.Where(c => !QueueSelector.IsAppointmentDue(c, now)))
                .OrderBy(c => QueueLanes.Rank(c.Priority));

            var order = QueueSelector.Order(queue, StrictUnfair, now);

            Assert.Equal(due.Concat(rest).Select(c => c.Id), order.Select(c => c.Id));
        }
    }

    [Fact]
    public void Order_GeneratedQueuesAnyPolicy_FirstComeFirstServedWithinEachLane()
    {
        var random = new Random(1001);
        for (var run = 0; run < GeneratedQueues; run++)
        {
            var queue = RandomQueue(random, withAppointments: false);
            var order = QueueSelector.Order(queue, RandomPolicy(random), At(random.Next(0, 120)), random.Next(0, 6)).ToList();

            foreach (var rank in new[] { 0, 1, 2 })
            {
                var lane = order.Where(c => QueueLanes.Rank(c.Priority) == rank).ToList();
                Assert.Equal(FirstComeFirstServed(lane).Select(c => c.Id), lane.Select(c => c.Id));
            }
            // Emergency is exempt from every policy: all of it comes first.
            var emergencies = order.Count(c => c.Priority == TicketPriority.Emergency);
            Assert.All(order.Take(emergencies), c => Assert.Equal(TicketPriority.Emergency, c.Priority));
        }
    }

    [Fact]
    public void Order_GeneratedQueuesInterleaveWithoutFairness_ExactlyNNormalsBetweenPriorities()
    {
        var random = new Random(31337);
        for (var run = 0; run < GeneratedQueues; run++)
        {
            var queue = RandomQueue(random, withAppointments: false);
            var n = random.Next(1, 5);
            var normalsSince = random.Next(0, 6);
            var order = QueueSelector.Order(queue, new QueuePolicy(PriorityPolicy.Interleave, n, false), At(120), normalsSince)
                .Where(c => c.Priority != TicketPriority.Emergency).ToList();

            var prioritiesLeft = order.Count(c => c.Priority != TicketPriority.Normal);
            var normalsLeft = order.Count - prioritiesLeft;
            var inARow = normalsSince;
            foreach (var c in order)
            {
                if (c.Priority == TicketPriority.Normal)
                {
                    // A normal goes only while priority tickets wait their turn, or when none wait.
                    Assert.True(prioritiesLeft == 0 || inARow < n, $"run {run}: normal called with {inARow} in a row, N={n}");
                    inARow++;
                    normalsLeft--;
                }
                else
                {
                    Assert.True(normalsLeft == 0 || inARow >= n, $"run {run}: priority called after {inARow} normals, N={n}");
                    inARow = 0;
                    prioritiesLeft--;
                }
            }
        }
    }

    [Fact]
    public void Order_GeneratedQueuesStrictWithFairness_NoOverdueNormalOvertakenByLaterPriority()
    {
        var random = new Random(555);
        for (var run = 0; run < GeneratedQueues; run++)
        {
            // One threshold for the whole queue, as for a counter serving one item.
            var threshold = random.Next(1, 40);
            var queue = RandomQueue(random, withAppointments: false).Select(c => c with { WaitThresholdMinutes = threshold }).ToList();
            var now = At(random.Next(0, 120));

            var order = QueueSelector.Order(queue, StrictFair, now).ToList();

            for (var i = 0; i < order.Count; i++)
            {
                var n = order[i];
                if (n.Priority != TicketPriority.Normal || now - n.QueuedAt <= TimeSpan.FromMinutes(threshold))
                    continue;
                var overtakers = order.Take(i).Where(p => QueueLanes.Rank(p.Priority) == 1 && p.QueuedAt > n.QueuedAt);
                Assert.Empty(overtakers);
            }
        }
    }
}
