using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Features.Alerts;
using ServiceHall.Core.Features.Attendance;
using ServiceHall.Core.Features.Calendar;
using ServiceHall.Core.Features.Cases;
using ServiceHall.Core.Features.Complaints;
using ServiceHall.Core.Features.Conduct;
using ServiceHall.Core.Features.Counters;
using ServiceHall.Core.Features.Gifts;
using ServiceHall.Core.Features.Guides;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Identity;
using ServiceHall.Core.Features.Inquiries;
using ServiceHall.Core.Features.Queue;
using ServiceHall.Core.Features.Ratings;
using ServiceHall.Core.Features.Supervision;
using ServiceHall.Core.Privacy;

namespace ServiceHall.Core.Data;

/// <summary>The one DbContext of the hall; each entity is configured in its feature folder.</summary>
public class HallDbContext(DbContextOptions<HallDbContext> options)
    : IdentityDbContext<User, Role, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Hall> Halls => Set<Hall>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<ServiceItem> ServiceItems => Set<ServiceItem>();
    public DbSet<Counter> Counters => Set<Counter>();
    public DbSet<CounterServiceItem> CounterServiceItems => Set<CounterServiceItem>();
    public DbSet<CounterSession> CounterSessions => Set<CounterSession>();
    public DbSet<CounterPause> CounterPauses => Set<CounterPause>();
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<TicketEvent> TicketEvents => Set<TicketEvent>();
    public DbSet<TicketNumberSequence> TicketNumberSequences => Set<TicketNumberSequence>();
    public DbSet<BusinessDay> BusinessDays => Set<BusinessDay>();
    public DbSet<WaitingCount> WaitingCounts => Set<WaitingCount>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<HallCalendarDay> HallCalendarDays => Set<HallCalendarDay>();
    public DbSet<ServiceGuide> ServiceGuides => Set<ServiceGuide>();
    public DbSet<ServiceMaterial> ServiceMaterials => Set<ServiceMaterial>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseMaterial> CaseMaterials => Set<CaseMaterial>();
    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();
    public DbSet<OneTimeNotice> OneTimeNotices => Set<OneTimeNotice>();
    public DbSet<DocumentSequence> DocumentSequences => Set<DocumentSequence>();
    public DbSet<Inquiry> Inquiries => Set<Inquiry>();
    public DbSet<InquiryForward> InquiryForwards => Set<InquiryForward>();
    public DbSet<PersonalDataRead> PersonalDataReads => Set<PersonalDataRead>();
    public DbSet<ConductPhrase> ConductPhrases => Set<ConductPhrase>();
    public DbSet<ConductCheck> ConductChecks => Set<ConductCheck>();
    public DbSet<ConductFinding> ConductFindings => Set<ConductFinding>();
    public DbSet<Rating> Ratings => Set<Rating>();
    public DbSet<RatingFollowUp> RatingFollowUps => Set<RatingFollowUp>();
    public DbSet<FollowUpEvent> FollowUpEvents => Set<FollowUpEvent>();
    public DbSet<Complaint> Complaints => Set<Complaint>();
    public DbSet<ComplaintEvent> ComplaintEvents => Set<ComplaintEvent>();
    public DbSet<AttendanceRecord> AttendanceRecords => Set<AttendanceRecord>();
    public DbSet<LeaveRecord> LeaveRecords => Set<LeaveRecord>();
    public DbSet<GiftDeclaration> GiftDeclarations => Set<GiftDeclaration>();
    public DbSet<HallSupervisionSettings> HallSupervisionSettings => Set<HallSupervisionSettings>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Features.Devices.Device> Devices => Set<Features.Devices.Device>();
    public DbSet<Features.Nodes.ScanLease> ScanLeases => Set<Features.Nodes.ScanLease>();
    public DbSet<Features.Staffing.HallStaffingSettings> HallStaffingSettings => Set<Features.Staffing.HallStaffingSettings>();
    public DbSet<Features.Staffing.PlannedCounters> PlannedCounters => Set<Features.Staffing.PlannedCounters>();
    public DbSet<Features.Standards.StandardSetting> StandardSettings => Set<Features.Standards.StandardSetting>();
    public DbSet<Features.Standards.StandardCard> StandardCards => Set<Features.Standards.StandardCard>();
    public DbSet<Features.Assessment.AssessmentWeight> AssessmentWeights => Set<Features.Assessment.AssessmentWeight>();
    public DbSet<Features.Assessment.AssessmentManualItem> AssessmentManualItems => Set<Features.Assessment.AssessmentManualItem>();
    public DbSet<Features.Assessment.AssessmentClosedMonth> AssessmentClosedMonths => Set<Features.Assessment.AssessmentClosedMonth>();
    public DbSet<Features.Assessment.AssessmentAdjustment> AssessmentAdjustments => Set<Features.Assessment.AssessmentAdjustment>();
    public DbSet<Features.Assessment.AssessmentEvent> AssessmentEvents => Set<Features.Assessment.AssessmentEvent>();
    public DbSet<Features.Assessment.AssessmentServedTarget> AssessmentServedTargets => Set<Features.Assessment.AssessmentServedTarget>();
    public DbSet<Features.Appointments.HallAppointmentSettings> HallAppointmentSettings => Set<Features.Appointments.HallAppointmentSettings>();
    public DbSet<Features.Appointments.AppointmentPlan> AppointmentPlans => Set<Features.Appointments.AppointmentPlan>();
    public DbSet<Features.Appointments.AppointmentSlot> AppointmentSlots => Set<Features.Appointments.AppointmentSlot>();
    public DbSet<Features.Appointments.Booking> Bookings => Set<Features.Appointments.Booking>();
    public DbSet<Features.Admin.HallModuleChange> HallModuleChanges => Set<Features.Admin.HallModuleChange>();
    public DbSet<HallMembership> HallMemberships => Set<HallMembership>();
    public DbSet<HallMembershipChange> HallMembershipChanges => Set<HallMembershipChange>();

    /// <summary>
    /// Starts a write transaction. On SQLite, writers of this process queue on one gate per
    /// database file, so no transaction ever meets SQLITE_BUSY (whose driver retry sleeps 150 ms).
    /// </summary>
    public async Task<WriteScope> BeginWriteAsync(CancellationToken ct = default) =>
        await BeginWriteAsync(WritePriority.Interactive, ct);

    /// <inheritdoc cref="BeginWriteAsync(CancellationToken)"/>
    public Task<WriteScope> BeginWriteAsync(WritePriority priority, CancellationToken ct = default) =>
        BeginWriteAsync(priority, blockForGate: false, ct);

    /// <summary>
    /// As <see cref="BeginWriteAsync(WritePriority, CancellationToken)"/>, blocking the calling thread
    /// for the gate: only for a writer that runs on a thread of its own.
    /// </summary>
    public WriteScope BeginWrite(WritePriority priority, CancellationToken ct = default) =>
        BeginWriteAsync(priority, blockForGate: true, ct).GetAwaiter().GetResult();

    /// <summary>
    /// Holds the SQLite write gate without a transaction, for upkeep that no commit may run beside
    /// (<see cref="SqliteCheckpointer"/>); on PostgreSQL there is no gate and nothing is held.
    /// </summary>
    internal async Task<IAsyncDisposable> HoldWriteGateAsync(WritePriority priority, CancellationToken ct)
    {
        var gate = Gate;
        if (gate is not null)
            await gate.EnterAsync(priority, ct);
        return new HeldGate(gate);
    }

    private WriteGate? Gate => Database.IsSqlite() ? WriteGate.For(Database.GetConnectionString() ?? "") : null;

    private async Task<WriteScope> BeginWriteAsync(WritePriority priority, bool blockForGate, CancellationToken ct)
    {
        var gate = Gate;
        if (gate is not null && blockForGate)
            gate.Enter(priority, ct);
        else if (gate is not null)
            await gate.EnterAsync(priority, ct);
        try
        {
            return new WriteScope(await Database.BeginTransactionAsync(ct), gate);
        }
        catch
        {
            gate?.Release();
            throw;
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(HallDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // SQLite gives back DateTime without a kind; everything stored is UTC.
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        builder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        // Enums as names: readable by integrators who query the database directly.
        builder.Properties<TicketStatus>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<TicketPriority>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<TicketChannel>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<TicketEventKind>().HaveConversion<string>().HaveMaxLength(24);
        builder.Properties<PriorityPolicy>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<AlertKind>().HaveConversion<string>().HaveMaxLength(24);
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class HeldGate(WriteGate? gate) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            gate?.Release();
            return ValueTask.CompletedTask;
        }
    }
}
