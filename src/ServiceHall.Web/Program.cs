using ServiceHall.Web;
using ServiceHall.Web.Components;
using ServiceHall.Web.Features.Admin;
using ServiceHall.Web.Features.Alerts;
using ServiceHall.Web.Features.Calendar;
using ServiceHall.Web.Features.Counters;
using ServiceHall.Web.Features.Dashboard;
using ServiceHall.Web.Features.Halls;
using ServiceHall.Web.Features.Privacy;
using ServiceHall.Web.Features.PublicPages;
using ServiceHall.Web.Features.Queue;
using ServiceHall.Web.Identity;
using ServiceHall.Web.Infrastructure;
using ServiceHall.Web.Localization;
using ServiceHall.Web.Realtime;

var builder = WebApplication.CreateBuilder(args);

builder.AddPlatform();
builder.AddHallLocalization();
builder.AddHallIdentity();
builder.AddRealtime();
builder.AddHalls();
builder.AddQueue();
builder.AddCounters();
builder.AddAlerts();
builder.AddCalendar();
builder.AddPrivacy();
builder.AddDashboard();
builder.AddAdmin();
builder.AddHallComponents();

var app = builder.Build();

app.UsePlatform();
app.MapIdentityEndpoints();
app.MapHallEndpoints();
app.MapQueueEndpoints();
app.MapCounterEndpoints();
app.MapAlertEndpoints();
app.MapCalendarEndpoints();
app.MapPrivacyEndpoints();
app.MapDashboardEndpoints();
app.MapAdminEndpoints();
app.MapPublicPageEndpoints();
app.MapRealtime();
app.MapHallComponents();

await app.PrepareDatabaseAsync();
app.Run();
