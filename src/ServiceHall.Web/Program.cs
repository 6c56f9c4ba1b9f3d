using ServiceHall.Web;
using ServiceHall.Web.Features.Alerts;
using ServiceHall.Web.Features.Counters;
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
builder.AddPrivacy();

var app = builder.Build();

app.UsePlatform();
app.MapIdentityEndpoints();
app.MapHallEndpoints();
app.MapQueueEndpoints();
app.MapCounterEndpoints();
app.MapAlertEndpoints();
app.MapPrivacyEndpoints();
app.MapPublicPageEndpoints();
app.MapRealtime();

await app.PrepareDatabaseAsync();
app.Run();
