using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CasesGuidesInquiries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SubjectId",
                table: "Alerts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TicketId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CounterId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ApplicantNameCipher = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ApplicantNameMasked = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ApplicantIdNumberCipher = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ApplicantIdNumberMasked = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ApplicantPhoneCipher = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ApplicantPhoneMasked = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RegisteredByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TimeLimitClass = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PromisedDays = table.Column<int>(type: "INTEGER", nullable: false),
                    PickupAfterWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcceptedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReceiptNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ReceivedDay = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PickupDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Result = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PickedUpAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RefusalReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RefusalBasis = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RefusalNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    RefusedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawalReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ExtraNoticeReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ExtraNoticeApprovedByUserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cases_Halls_HallId",
                        column: x => x.HallId,
                        principalTable: "Halls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Cases_ServiceItems_ServiceItemId",
                        column: x => x.ServiceItemId,
                        principalTable: "ServiceItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DocumentSequences",
                columns: table => new
                {
                    HallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    LastNumber = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentSequences", x => new { x.HallId, x.Kind, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "Inquiries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CitizenNameCipher = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CitizenNameMasked = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ContactCipher = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ContactMasked = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OwnerUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AnsweredOnTheSpot = table.Column<bool>(type: "INTEGER", nullable: false),
                    PromisedReplyAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HandlerUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HandlerDepartmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reply = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RepliedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RepliedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inquiries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Inquiries_Halls_HallId",
                        column: x => x.HallId,
                        principalTable: "Halls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServiceGuides",
                columns: table => new
                {
                    ServiceItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ImplementingBody = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TimeLimitClass = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StatutoryDays = table.Column<int>(type: "INTEGER", nullable: true),
                    PromisedDays = table.Column<int>(type: "INTEGER", nullable: false),
                    PickupAfterWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    AcceptanceConditions = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ProcessSteps = table.Column<string>(type: "TEXT", nullable: false),
                    Fees = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    FeeBasis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ConsultPhone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SupervisePhone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SpecialNotes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Questions = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceGuides", x => x.ServiceItemId);
                    table.ForeignKey(
                        name: "FK_ServiceGuides_ServiceItems_ServiceItemId",
                        column: x => x.ServiceItemId,
                        principalTable: "ServiceItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 410, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseEvents_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OneTimeNotices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SequenceInCase = table.Column<int>(type: "INTEGER", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IssuedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StaffName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BadgeNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CounterNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    NextSteps = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SpecialNotes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    IsException = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExceptionReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ExceptionApprovedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MissingMaterials = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OneTimeNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OneTimeNotices_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InquiryForwards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InquiryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ToUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ToDepartmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AcceptingBody = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InquiryForwards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InquiryForwards_Inquiries_InquiryId",
                        column: x => x.InquiryId,
                        principalTable: "Inquiries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServiceMaterials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Issuer = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Originals = table.Column<int>(type: "INTEGER", nullable: false),
                    Copies = table.Column<int>(type: "INTEGER", nullable: false),
                    IsRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceMaterials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceMaterials_ServiceGuides_ServiceItemId",
                        column: x => x.ServiceItemId,
                        principalTable: "ServiceGuides",
                        principalColumn: "ServiceItemId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseMaterials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MaterialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Issuer = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Originals = table.Column<int>(type: "INTEGER", nullable: false),
                    Copies = table.Column<int>(type: "INTEGER", nullable: false),
                    IsRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Received = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseMaterials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseMaterials_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseMaterials_ServiceMaterials_MaterialId",
                        column: x => x.MaterialId,
                        principalTable: "ServiceMaterials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseEvents_CaseId_Sequence",
                table: "CaseEvents",
                columns: new[] { "CaseId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseMaterials_CaseId",
                table: "CaseMaterials",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseMaterials_MaterialId",
                table: "CaseMaterials",
                column: "MaterialId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_HallId_Number",
                table: "Cases",
                columns: new[] { "HallId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_HallId_Status_DueAt",
                table: "Cases",
                columns: new[] { "HallId", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ServiceItemId",
                table: "Cases",
                column: "ServiceItemId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_TicketId",
                table: "Cases",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_HallId_OwnerUserId_RecordedAt",
                table: "Inquiries",
                columns: new[] { "HallId", "OwnerUserId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_HallId_Status_PromisedReplyAt",
                table: "Inquiries",
                columns: new[] { "HallId", "Status", "PromisedReplyAt" });

            migrationBuilder.CreateIndex(
                name: "IX_InquiryForwards_InquiryId",
                table: "InquiryForwards",
                column: "InquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_OneTimeNotices_CaseId",
                table: "OneTimeNotices",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_OneTimeNotices_HallId_IssuedAt",
                table: "OneTimeNotices",
                columns: new[] { "HallId", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OneTimeNotices_HallId_Number",
                table: "OneTimeNotices",
                columns: new[] { "HallId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceMaterials_ServiceItemId",
                table: "ServiceMaterials",
                column: "ServiceItemId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseEvents");

            migrationBuilder.DropTable(
                name: "CaseMaterials");

            migrationBuilder.DropTable(
                name: "DocumentSequences");

            migrationBuilder.DropTable(
                name: "InquiryForwards");

            migrationBuilder.DropTable(
                name: "OneTimeNotices");

            migrationBuilder.DropTable(
                name: "ServiceMaterials");

            migrationBuilder.DropTable(
                name: "Inquiries");

            migrationBuilder.DropTable(
                name: "Cases");

            migrationBuilder.DropTable(
                name: "ServiceGuides");

            migrationBuilder.DropColumn(
                name: "SubjectId",
                table: "Alerts");
        }
    }
}
