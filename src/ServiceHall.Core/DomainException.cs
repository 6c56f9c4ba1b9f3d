namespace ServiceHall.Core;

/// <summary>What kind of refusal a use case gives; the web layer maps it to an HTTP status.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
    Forbidden,
}

/// <summary>
/// A refusal by a use case. It carries a stable code (the key of a localized message) and its
/// arguments, never a sentence: the language is the caller's. Thrown before commit, so nothing is
/// half-written.
/// </summary>
public sealed class DomainException(ErrorKind kind, string code, params object[] args)
    : Exception(code)
{
    public ErrorKind Kind { get; } = kind;
    public string Code { get; } = code;
    public object[] Args { get; } = args;
    public string? Field { get; init; }

    public static DomainException NotFound(string code, params object[] args) => new(ErrorKind.NotFound, code, args);
    public static DomainException Conflict(string code, params object[] args) => new(ErrorKind.Conflict, code, args);
    public static DomainException Invalid(string field, string code, params object[] args) =>
        new(ErrorKind.Validation, code, args) { Field = field };
    public static DomainException Required(string field) => Invalid(field, ErrorCodes.Required, field);
}

/// <summary>Codes of refusals; each has a message in the web layer's resources.</summary>
public static class ErrorCodes
{
    public const string Required = "Required";
    public const string InvalidDate = "InvalidDate";
    public const string InvalidChannel = "InvalidChannel";
    public const string TooLong = "TooLong";
    public const string HallNotFound = "HallNotFound";
    public const string ServiceItemNotFound = "ServiceItemNotFound";
    public const string CounterNotFound = "CounterNotFound";
    public const string TicketNotFound = "TicketNotFound";
    public const string UserNotFound = "UserNotFound";
    public const string ServiceItemInactive = "ServiceItemInactive";
    public const string IssuingClosed = "IssuingClosed";
    public const string IssuingNotYetOpen = "IssuingNotYetOpen";
    public const string BusinessDayClosed = "BusinessDayClosed";
    public const string BusinessDayHasQueue = "BusinessDayHasQueue";
    public const string BusinessDayStillIssuing = "BusinessDayStillIssuing";
    public const string HallClosedToday = "HallClosedToday";
    public const string LunchBreak = "LunchBreak";
    public const string ItemNotServedNow = "ItemNotServedNow";
    public const string QuotaReached = "QuotaReached";
    // Hall kinds and call announcements (issue 16).
    public const string AnnouncementPlaceholderUnknown = "AnnouncementPlaceholderUnknown";
    public const string AnnouncementNeedsNumber = "AnnouncementNeedsNumber";
    public const string HallKindUnknown = "HallKindUnknown";
    public const string LunchOutsideHours = "LunchOutsideHours";
    public const string WeekdayHoursInvalid = "WeekdayHoursInvalid";
    public const string AppointmentSlotInvalid = "AppointmentSlotInvalid";
    public const string AppointmentNotAllowed = "AppointmentNotAllowed";
    public const string TicketStateConflict = "TicketStateConflict";
    public const string TicketNotAtCounter = "TicketNotAtCounter";
    public const string TicketNotServedHere = "TicketNotServedHere";
    public const string CounterNotOpenedByYou = "CounterNotOpenedByYou";
    public const string CounterAlreadyOpen = "CounterAlreadyOpen";
    public const string UserHasOpenCounter = "UserHasOpenCounter";
    public const string CounterPaused = "CounterPaused";
    public const string CounterNotPaused = "CounterNotPaused";
    public const string CounterHasCurrentTicket = "CounterHasCurrentTicket";
    public const string SubstituteInvalid = "SubstituteInvalid";
    public const string TransferTargetRequired = "TransferTargetRequired";
    public const string TransferTargetAmbiguous = "TransferTargetAmbiguous";
    public const string TransferToSameItem = "TransferToSameItem";
    // Multi-step visits (挂号 → 缴费 → 取药) and a pharmacy's ready-to-collect mode.
    public const string NextStepNotInHall = "NextStepNotInHall";
    public const string NextStepCycle = "NextStepCycle";
    public const string ItemNotReadyToCollect = "ItemNotReadyToCollect";
    public const string TicketAlreadyReady = "TicketAlreadyReady";
    public const string RequeueNotAllowed = "RequeueNotAllowed";
    public const string RequeueWindowPassed = "RequeueWindowPassed";
    public const string OutOfRange = "OutOfRange";
    // Staffing advice (B1): a number that must lie strictly inside a range, or be positive up to a limit.
    public const string StrictlyBetween = "StrictlyBetween";
    public const string AboveZeroUpTo = "AboveZeroUpTo";
    public const string LoadTooLarge = "LoadTooLarge";
    public const string BadRequest = "BadRequest";
    public const string OtherHall = "OtherHall";
    public const string CaseNotYours = "CaseNotYours";
    public const string RatingKeyInvalid = "RatingKeyInvalid";
    public const string RatingPadTooLate = "RatingPadTooLate";
    public const string NumberTaken = "NumberTaken";
    public const string ConductOnlyOwn = "ConductOnlyOwn";
    public const string ConductFindingNotFound = "ConductFindingNotFound";
    public const string ConductFindingReviewed = "ConductFindingReviewed";
    public const string ConductCheckNotFound = "ConductCheckNotFound";
    public const string ConductPhraseNotFound = "ConductPhraseNotFound";
    public const string ConductPhraseExists = "ConductPhraseExists";
    public const string ConductPhraseEmpty = "ConductPhraseEmpty";
    public const string RatingNotFinished = "RatingNotFinished";
    public const string RatingWindowPassed = "RatingWindowPassed";
    public const string RatingAlreadyGiven = "RatingAlreadyGiven";
    public const string FollowUpNotFound = "FollowUpNotFound";
    public const string FollowUpWrongStage = "FollowUpWrongStage";
    public const string FollowUpNotOwner = "FollowUpNotOwner";
    public const string ComplaintNotFound = "ComplaintNotFound";
    public const string ComplaintWrongStatus = "ComplaintWrongStatus";
    public const string ComplaintSubjectNotFound = "ComplaintSubjectNotFound";
    public const string ComplaintPhoneInvalid = "ComplaintPhoneInvalid";
    public const string ComplaintAnonymous = "ComplaintAnonymous";
    public const string ComplaintNotAssignee = "ComplaintNotAssignee";
    public const string NoHallForAttendance = "NoHallForAttendance";
    public const string AlreadySignedIn = "AlreadySignedIn";
    public const string NotSignedIn = "NotSignedIn";
    public const string AlreadySignedOut = "AlreadySignedOut";
    public const string LeaveOverlaps = "LeaveOverlaps";
    public const string GiftNotFound = "GiftNotFound";
    public const string GiftReviewed = "GiftReviewed";
    public const string GiftOwnReview = "GiftOwnReview";
    public const string WorkingDaysOutOfRange = "WorkingDaysOutOfRange";
    public const string CalendarYearOutOfRange = "CalendarYearOutOfRange";
    public const string CalendarYearMismatch = "CalendarYearMismatch";
    public const string CalendarLineInvalid = "CalendarLineInvalid";
    public const string CalendarDuplicateDate = "CalendarDuplicateDate";
    public const string CalendarDateOutsideYear = "CalendarDateOutsideYear";
    public const string CalendarMakeUpNotWeekend = "CalendarMakeUpNotWeekend";
    public const string CalendarDayNotFound = "CalendarDayNotFound";
    public const string CalendarFormatUnsupported = "CalendarFormatUnsupported";
    public const string CalendarFileTooLarge = "CalendarFileTooLarge";
    public const string TooMany = "TooMany";
    public const string MaterialNotFound = "MaterialNotFound";
    public const string MaterialNeedsCopies = "MaterialNeedsCopies";
    public const string MaterialDuplicate = "MaterialDuplicate";
    public const string PromiseLongerThanStatutory = "PromiseLongerThanStatutory";
    public const string GuideMissing = "GuideMissing";
    public const string CaseNotFound = "CaseNotFound";
    public const string NoticeNotFound = "NoticeNotFound";
    public const string CaseStateConflict = "CaseStateConflict";
    public const string CaseChangedConcurrently = "CaseChangedConcurrently";
    public const string ExtensionNeedsSupervisor = "ExtensionNeedsSupervisor";
    public const string CaseAlreadyExtended = "CaseAlreadyExtended";
    public const string CaseClockAlreadyPaused = "CaseClockAlreadyPaused";
    public const string CaseClockNotPaused = "CaseClockNotPaused";
    public const string CaseOverdueCannotPause = "CaseOverdueCannotPause";
    public const string NoMaterialsMissing = "NoMaterialsMissing";
    public const string MaterialsMissing = "MaterialsMissing";
    public const string SecondNoticeNeedsSupervisor = "SecondNoticeNeedsSupervisor";
    public const string IdNumberInvalid = "IdNumberInvalid";
    public const string PhoneInvalid = "PhoneInvalid";
    public const string InquiryNotFound = "InquiryNotFound";
    public const string InquiryAlreadyAnswered = "InquiryAlreadyAnswered";
    public const string InquiryNotYours = "InquiryNotYours";
    public const string PromisedReplyInvalid = "PromisedReplyInvalid";
    public const string InvalidTimeZone = "InvalidTimeZone";
    public const string HoursInvalid = "HoursInvalid";
    public const string CutoffOutsideHours = "CutoffOutsideHours";
    public const string DepartmentNotFound = "DepartmentNotFound";
    public const string DepartmentNameTaken = "DepartmentNameTaken";
    public const string DepartmentInUse = "DepartmentInUse";
    public const string DepartmentInactive = "DepartmentInactive";
    public const string PrefixInvalid = "PrefixInvalid";
    public const string PrefixTaken = "PrefixTaken";
    public const string CounterNumberTaken = "CounterNumberTaken";
    public const string CounterInUse = "CounterInUse";
    public const string CounterInactive = "CounterInactive";
    public const string UserNameInvalid = "UserNameInvalid";
    public const string UserNameTaken = "UserNameTaken";
    public const string BadgeNumberTaken = "BadgeNumberTaken";
    public const string BadgeNumberRequired = "BadgeNumberRequired";
    public const string RoleInvalid = "RoleInvalid";
    public const string HallRequired = "HallRequired";
    public const string PasswordRejected = "PasswordRejected";
    public const string OwnAccount = "OwnAccount";
    // Staff in several halls (ADR-032).
    public const string NotHallMember = "NotHallMember";
    public const string MembershipNotFound = "MembershipNotFound";
    public const string LastMembership = "LastMembership";
    public const string MembershipRoleInvalid = "MembershipRoleInvalid";
    public const string RatingNotFound = "RatingNotFound";
    public const string RatingNotBad = "RatingNotBad";
    public const string RatingExcluded = "RatingExcluded";
    public const string RatingPhoneInvalid = "RatingPhoneInvalid";
    public const string RatingNoContact = "RatingNoContact";
    // Refused by the request walker (Core/Input/InputRules) before any use case runs.
    public const string ControlCharacter = "ControlCharacter";
    public const string DateOutOfRange = "DateOutOfRange";
    public const string NullInList = "NullInList";
    // Refused by the platform's request checks (Web/Infrastructure).
    public const string CrossOrigin = "CrossOrigin";
    public const string PublicAddressUnknown = "PublicAddressUnknown";
    // A hall's priority categories and the counter's check of a claim (issue 16, ADR-031).
    public const string PriorityCategoryNotFound = "PriorityCategoryNotFound";
    public const string PriorityCategoryInactive = "PriorityCategoryInactive";
    public const string PriorityCategoryClassMismatch = "PriorityCategoryClassMismatch";
    public const string PriorityNotOffered = "PriorityNotOffered";
    public const string PriorityClassInvalid = "PriorityClassInvalid";
    public const string PriorityCategoryNameTaken = "PriorityCategoryNameTaken";
    public const string PriorityCategoriesTooMany = "PriorityCategoriesTooMany";
    public const string PriorityClaimNotChecked = "PriorityClaimNotChecked";
    public const string PriorityClaimAlreadyChecked = "PriorityClaimAlreadyChecked";
}
