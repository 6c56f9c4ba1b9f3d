using ServiceHall.Web;
using ServiceHall.Web.Features.Alerts;
using ServiceHall.Web.Features.Attendance;
using ServiceHall.Web.Features.Complaints;
using ServiceHall.Web.Features.Conduct;
using ServiceHall.Web.Features.Counters;
using ServiceHall.Web.Features.Gifts;
using ServiceHall.Web.Features.Halls;
using ServiceHall.Web.Features.Privacy;
using ServiceHall.Web.Features.PublicPages;
using ServiceHall.Web.Features.Queue;
using ServiceHall.Web.Features.Ratings;
using ServiceHall.Web.Features.Supervision;
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
builder.AddPrivacy();
builder.AddSupervision();
builder.AddConduct();
builder.AddRatings();
builder.AddComplaints();
builder.AddAttendance();
builder.AddGifts();

var app = builder.Build();

app.UsePlatform();
app.MapIdentityEndpoints();
app.MapHallEndpoints();
app.MapQueueEndpoints();
app.MapCounterEndpoints();
app.MapAlertEndpoints();
app.MapPrivacyEndpoints();
app.MapConductEndpoints();
app.MapRatingEndpoints();
app.MapComplaintEndpoints();
app.MapAttendanceEndpoints();
app.MapGiftEndpoints();
app.MapPublicPageEndpoints();
app.MapRealtime();

await app.PrepareDatabaseAsync();
app.Run();
