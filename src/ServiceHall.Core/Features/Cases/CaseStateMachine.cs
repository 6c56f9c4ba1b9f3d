namespace ServiceHall.Core.Features.Cases;

/// <summary>
/// The allowed changes of a case (M2–M4): registered → (notice issued → resubmitted)* → accepted →
/// in progress → completed → picked up; or refused; or withdrawn. Pure.
/// </summary>
public static class CaseStateMachine
{
    private static readonly Dictionary<CaseStatus, CaseStatus[]> Allowed = new()
    {
        [CaseStatus.Registered] = [CaseStatus.AwaitingResubmission, CaseStatus.Accepted, CaseStatus.Refused, CaseStatus.Withdrawn],
        [CaseStatus.AwaitingResubmission] = [CaseStatus.Resubmitted, CaseStatus.Refused, CaseStatus.Withdrawn],
        [CaseStatus.Resubmitted] = [CaseStatus.AwaitingResubmission, CaseStatus.Accepted, CaseStatus.Refused, CaseStatus.Withdrawn],
        // An immediate case (即办件) is completed at the counter without a separate start.
        [CaseStatus.Accepted] = [CaseStatus.InProgress, CaseStatus.Completed, CaseStatus.Withdrawn],
        [CaseStatus.InProgress] = [CaseStatus.Completed, CaseStatus.Withdrawn],
        [CaseStatus.Completed] = [CaseStatus.PickedUp],
        [CaseStatus.PickedUp] = [],
        [CaseStatus.Refused] = [],
        [CaseStatus.Withdrawn] = [],
    };

    public static bool CanMove(CaseStatus from, CaseStatus to) => Allowed[from].Contains(to);

    public static IReadOnlyList<CaseStatus> Next(CaseStatus from) => Allowed[from];

    /// <summary>Open cases still count against their deadline.</summary>
    public static bool IsRunning(CaseStatus status) => status is CaseStatus.Accepted or CaseStatus.InProgress;

    public static bool IsFinal(CaseStatus status) => Allowed[status].Length == 0;

    /// <summary>Materials may be ticked only while the case is at the counter before acceptance.</summary>
    public static bool MaterialsEditable(CaseStatus status) => status is CaseStatus.Registered or CaseStatus.Resubmitted;
}
