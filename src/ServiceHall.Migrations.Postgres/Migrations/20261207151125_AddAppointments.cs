using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddAppointments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AppointmentPlans",
                columns: table => new
                {
                    ServiceItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    HallId = table.Column<Guid>(type: "uuid", nullable: false),
                    SlotMinutes = table.Column<int>(type: "integer", nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    DaysAhead = table.Column<int>(type: "integer", nullable: false),
                    PerCounter = table.Column<bool>(type: "boolean", nullable: false),
                    RequiresIdNumber = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByUserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppointmentPlans", x => x.ServiceItemId);
                    table.ForeignKey(
                        name: "FK_AppointmentPlans_ServiceItems_ServiceItemId",
                        column: x => x.ServiceItemId,
                        principalTable: "ServiceItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AppointmentSlots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HallId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    CounterId = table.Column<Guid>(type: "uuid", nullable: true),
                    ResourceKey = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Start = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    End = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    Held = table.Column<int>(type: "integer", nullable: false),
                    Booked = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppointmentSlots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AppointmentSlots_ServiceItems_ServiceItemId",
                        column: x => x.ServiceItemId,
                        principalTable: "ServiceItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HallAppointmentSettings",
                columns: table => new
                {
                    HallId = table.Column<Guid>(type: "uuid", nullable: false),
                    HeldPercent = table.Column<int>(type: "integer", nullable: false),
                    HeldReleaseAt = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    ElderlyAge = table.Column<int>(type: "integer", nullable: false),
                    CancelBeforeMinutes = table.Column<int>(type: "integer", nullable: false),
                    CheckInEarlyMinutes = table.Column<int>(type: "integer", nullable: false),
                    CheckInLateMinutes = table.Column<int>(type: "integer", nullable: false),
                    NoShowLimit = table.Column<int>(type: "integer", nullable: false),
                    NoShowWindowDays = table.Column<int>(type: "integer", nullable: false),
                    BlockDays = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByUserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HallAppointmentSettings", x => x.HallId);
                    table.ForeignKey(
                        name: "FK_HallAppointmentSettings_Halls_HallId",
                        column: x => x.HallId,
                        principalTable: "Halls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PersonalDataLookupSecret",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Cipher = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonalDataLookupSecret", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HallId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    SlotId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    SlotStart = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SlotEnd = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    NameCipher = table.Column<string>(type: "text", nullable: false),
                    NameMasked = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PhoneCipher = table.Column<string>(type: "text", nullable: false),
                    PhoneMasked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    IdNumberCipher = table.Column<string>(type: "text", nullable: false),
                    IdNumberMasked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PhoneKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IdNumberKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    BookedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    BookedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CancelledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CheckedInAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    TicketId = table.Column<Guid>(type: "uuid", nullable: true),
                    NoShowAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bookings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Bookings_AppointmentSlots_SlotId",
                        column: x => x.SlotId,
                        principalTable: "AppointmentSlots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentPlans_HallId",
                table: "AppointmentPlans",
                column: "HallId");

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentSlots_HallId_Day",
                table: "AppointmentSlots",
                columns: new[] { "HallId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentSlots_ServiceItemId_Day",
                table: "AppointmentSlots",
                columns: new[] { "ServiceItemId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentSlots_ServiceItemId_Start_ResourceKey",
                table: "AppointmentSlots",
                columns: new[] { "ServiceItemId", "Start", "ResourceKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_Code",
                table: "Bookings",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_HallId_Day_Status",
                table: "Bookings",
                columns: new[] { "HallId", "Day", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_HallId_IdNumberKey_Status",
                table: "Bookings",
                columns: new[] { "HallId", "IdNumberKey", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_HallId_PhoneKey_Status",
                table: "Bookings",
                columns: new[] { "HallId", "PhoneKey", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_HallId_Status_SlotStart",
                table: "Bookings",
                columns: new[] { "HallId", "Status", "SlotStart" });

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_OnePerIdNumber",
                table: "Bookings",
                columns: new[] { "ServiceItemId", "Day", "IdNumberKey" },
                unique: true,
                filter: "\"Status\" <> 'Cancelled' AND \"IdNumberKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_OnePerPhone",
                table: "Bookings",
                columns: new[] { "ServiceItemId", "Day", "PhoneKey" },
                unique: true,
                filter: "\"Status\" <> 'Cancelled'");

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_SlotId",
                table: "Bookings",
                column: "SlotId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AppointmentPlans");

            migrationBuilder.DropTable(
                name: "Bookings");

            migrationBuilder.DropTable(
                name: "HallAppointmentSettings");

            migrationBuilder.DropTable(
                name: "PersonalDataLookupSecret");

            migrationBuilder.DropTable(
                name: "AppointmentSlots");
        }
    }
}
