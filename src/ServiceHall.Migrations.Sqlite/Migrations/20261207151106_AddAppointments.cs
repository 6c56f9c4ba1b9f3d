using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServiceHall.Migrations.Sqlite.Migrations
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
                    ServiceItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SlotMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    DaysAhead = table.Column<int>(type: "INTEGER", nullable: false),
                    PerCounter = table.Column<bool>(type: "INTEGER", nullable: false),
                    RequiresIdNumber = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CounterId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ResourceKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Start = table.Column<DateTime>(type: "TEXT", nullable: false),
                    End = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Held = table.Column<int>(type: "INTEGER", nullable: false),
                    Booked = table.Column<int>(type: "INTEGER", nullable: false)
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
                    HallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HeldPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldReleaseAt = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    ElderlyAge = table.Column<int>(type: "INTEGER", nullable: false),
                    CancelBeforeMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    CheckInEarlyMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    CheckInLateMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    NoShowLimit = table.Column<int>(type: "INTEGER", nullable: false),
                    NoShowWindowDays = table.Column<int>(type: "INTEGER", nullable: false),
                    BlockDays = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Cipher = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonalDataLookupSecret", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SlotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SlotStart = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SlotEnd = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    NameCipher = table.Column<string>(type: "TEXT", nullable: false),
                    NameMasked = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PhoneCipher = table.Column<string>(type: "TEXT", nullable: false),
                    PhoneMasked = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IdNumberCipher = table.Column<string>(type: "TEXT", nullable: false),
                    IdNumberMasked = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PhoneKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IdNumberKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    BookedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BookedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CancelledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CheckedInAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TicketId = table.Column<Guid>(type: "TEXT", nullable: true),
                    NoShowAt = table.Column<DateTime>(type: "TEXT", nullable: true)
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
