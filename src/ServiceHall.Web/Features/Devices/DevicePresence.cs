using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Web.Features.Devices;

/// <summary>
/// When each device was last seen (S8), written at most every <see cref="WriteEvery"/> per device so
/// a busy kiosk does not write on every request; and the hub connections of devices on this node, so a
/// revocation drops them.
/// </summary>
public sealed class DevicePresence(IServiceScopeFactory scopes, TimeProvider time)
{
    public static readonly TimeSpan WriteEvery = TimeSpan.FromSeconds(20);
    private readonly ConcurrentDictionary<Guid, DateTime> _written = new();
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, HubCallerContext>> _connections = new();

    public async Task SeenAsync(Guid deviceId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (_written.TryGetValue(deviceId, out var last) && now - last < WriteEvery && now >= last)
            return;
        _written[deviceId] = now;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HallDbContext>();
        await using var write = await db.BeginWriteAsync(ct);
        await db.Devices.Where(d => d.Id == deviceId).ExecuteUpdateAsync(s => s.SetProperty(d => d.LastSeenAt, now), ct);
        await write.CommitAsync(ct);
    }

    public void Connected(Guid deviceId, HubCallerContext connection) =>
        _connections.GetOrAdd(deviceId, _ => new())[connection.ConnectionId] = connection;

    public void Disconnected(Guid deviceId, HubCallerContext connection)
    {
        if (_connections.TryGetValue(deviceId, out var set))
            set.TryRemove(connection.ConnectionId, out _);
    }

    public IReadOnlyList<Guid> ConnectedDevices() => _connections.Where(p => !p.Value.IsEmpty).Select(p => p.Key).ToList();

    /// <summary>Closes every hub connection of the device on this node.</summary>
    public void Drop(Guid deviceId)
    {
        if (!_connections.TryRemove(deviceId, out var set))
            return;
        foreach (var connection in set.Values)
            connection.Abort();
    }
}

/// <summary>Registers a device's hub connections with <see cref="DevicePresence"/> and marks the device seen.</summary>
public sealed class DeviceHubFilter(DevicePresence presence, DeviceGate gate) : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        if (await DeviceOfAsync(context.Context) is { } device)
            presence.Connected(device.DeviceId, context.Context);
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        if (await DeviceOfAsync(context.Context) is { } device)
            presence.Disconnected(device.DeviceId, context.Context);
        await next(context, exception);
    }

    // The connection's HttpContext is a copy for long polling, without the request's features: ask the gate.
    private async Task<DeviceStatus?> DeviceOfAsync(HubCallerContext connection) =>
        connection.User is { } user && DeviceGate.IsDeviceAccount(user)
            ? await gate.GetAsync(Identity.IdentitySetup.UserId(user), CancellationToken.None)
            : null;
}

/// <summary>
/// Every two seconds: drops this node's hub connections of devices revoked on any node, and keeps devices
/// with a live connection (a display that only listens) marked as seen.
/// </summary>
public sealed class DeviceWatch(IServiceScopeFactory scopes, DevicePresence presence, DeviceGate gate, ILogger<DeviceWatch> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var connected = presence.ConnectedDevices();
                    if (connected.Count == 0)
                        continue;
                    List<(Guid Id, Guid UserId)> revoked;
                    await using (var scope = scopes.CreateAsyncScope())
                    {
                        var db = scope.ServiceProvider.GetRequiredService<HallDbContext>();
                        revoked = (await db.Devices.AsNoTracking().Where(d => connected.Contains(d.Id) && d.RevokedAt != null)
                            .Select(d => new { d.Id, d.UserId }).ToListAsync(stoppingToken)).Select(d => (d.Id, d.UserId)).ToList();
                    }
                    foreach (var (id, userId) in revoked)
                    {
                        gate.Forget(userId);
                        presence.Drop(id);
                    }
                    foreach (var id in connected.Except(revoked.Select(r => r.Id)))
                        await presence.SeenAsync(id, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Device watch failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
