using System.Text.Json;
using System.Text.Json.Serialization;
using ServiceHall.Core;

namespace ServiceHall.Web.Realtime;

public static class RealtimeSetup
{
    /// <summary>SignalR; with <c>Realtime:Redis</c> set, a Redis backplane joins several nodes (P6).</summary>
    public static void AddRealtime(this WebApplicationBuilder builder)
    {
        var signalR = builder.Services.AddSignalR().AddJsonProtocol(o =>
            o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        var redis = builder.Configuration["Realtime:Redis"];
        if (!string.IsNullOrWhiteSpace(redis))
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("servicehall"));
        builder.Services.AddSingleton<DirtyHalls>();
        builder.Services.AddSingleton<HallEventFeed>();
        builder.Services.AddHostedService<HallEventRelay>();
        builder.Services.AddSingleton<IHallNotifier, SignalRHallNotifier>();
    }

    public static void MapRealtime(this WebApplication app) => app.MapHub<HallHub>("/hubs/hall");
}
