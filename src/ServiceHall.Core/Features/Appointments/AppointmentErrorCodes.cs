namespace ServiceHall.Core.Features.Appointments;

/// <summary>Refusals of appointments (Q8); each has a message in SharedResource (<c>Error_{code}</c>).</summary>
public static class AppointmentErrorCodes
{
    public const string NotBookable = "AppointmentNotBookable";
    public const string SlotNotFound = "AppointmentSlotNotFound";
    public const string SlotFull = "AppointmentSlotFull";
    public const string SlotStarted = "AppointmentSlotStarted";
    public const string AlreadyBooked = "AppointmentAlreadyBooked";
    public const string Blocked = "AppointmentBlocked";
    public const string BookingNotFound = "AppointmentBookingNotFound";
    public const string BookingNotActive = "AppointmentBookingNotActive";
    public const string CancelDeadlinePassed = "AppointmentCancelDeadlinePassed";
    public const string CapacityBelowBooked = "AppointmentCapacityBelowBooked";
    public const string NameRequired = "AppointmentNameRequired";
    public const string IdNumberRequired = "AppointmentIdNumberRequired";
    public const string CheckInTooEarly = "AppointmentCheckInTooEarly";
    public const string CheckInTooLate = "AppointmentCheckInTooLate";
    public const string CheckInByIdNumberAtKiosk = "AppointmentCheckInByIdNumberAtKiosk";
    public const string CheckInNotFound = "AppointmentCheckInNotFound";
    public const string SlotHasCounter = "AppointmentSlotHasCounter";
}
