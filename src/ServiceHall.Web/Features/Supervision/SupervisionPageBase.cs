using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using ServiceHall.Core;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Supervision;
using ServiceHall.Web.Identity;
using ServiceHall.Web.Localization;

namespace ServiceHall.Web.Features.Supervision;

/// <summary>
/// What the supervision pages share: the reader, the hall's directory and today, each action in a
/// scope of its own (a refused change leaves nothing tracked in the circuit) with its refusal shown in
/// the page's language, times in the hall's zone, and a flag the browser tests wait for.
/// </summary>
public abstract class SupervisionPageBase : ComponentBase
{
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }
    [Inject] protected IServiceScopeFactory Scopes { get; set; } = null!;
    [Inject] protected IStringLocalizer<SupervisionResource> S { get; set; } = null!;
    [Inject] protected IStringLocalizer<SharedResource> Refusals { get; set; } = null!;

    protected Guid UserId { get; private set; }
    protected Guid? HallId { get; set; }
    protected SupervisionDirectory? Directory { get; private set; }
    protected string? Error { get; set; }
    protected string? Notice { get; set; }
    protected bool Ready { get; private set; }
    protected bool Busy { get; private set; }
    private HallClock? _clock;

    protected DateOnly Today => Directory?.Today ?? DateOnly.FromDateTime(DateTime.UtcNow);

    protected async Task InitReaderAsync()
    {
        if (AuthenticationState is null)
            return;
        var user = (await AuthenticationState).User;
        UserId = user.UserId();
        HallId = user.HallIdOf();
    }

    /// <summary>Loads the directory of <paramref name="hallId"/> (the record's hall for city-wide accounts).</summary>
    protected async Task LoadDirectoryAsync(Guid hallId)
    {
        HallId ??= hallId;
        await RunAsync<GetSupervisionDirectory>(async d => Directory = await d.HandleAsync(hallId, UserId, CancellationToken.None));
        if (Directory is not null)
            _clock = new HallClock(Directory.TimeZoneId);
    }

    protected override void OnAfterRender(bool firstRender)
    {
        // Only an interactive render gets here: the buttons work from now on.
        if (firstRender)
        {
            Ready = true;
            StateHasChanged();
        }
    }

    /// <summary>Runs a use case in its own scope; a refusal becomes the page's error and false.</summary>
    protected async Task<bool> RunAsync<TUseCase>(Func<TUseCase, Task> action) where TUseCase : notnull
    {
        Error = null;
        Busy = true;
        try
        {
            await using var scope = Scopes.CreateAsyncScope();
            await action(scope.ServiceProvider.GetRequiredService<TUseCase>());
            return true;
        }
        catch (DomainException refusal)
        {
            Error = SupervisionErrors.Message(Refusals, S, refusal);
            return false;
        }
        finally
        {
            Busy = false;
        }
    }

    // Before the directory is read the hall is unknown: show nothing rather than the server's zone.
    protected string When(DateTime? utc) => _clock?.DateTimeText(utc) ?? "";

    protected string Clock(DateTime? utc) => _clock?.TimeText(utc) ?? "";

    protected static string Day(DateOnly? day) => day?.ToString("d", System.Globalization.CultureInfo.CurrentCulture) ?? "";

    protected string PersonName(Guid? id) => id is { } x ? Directory?.People.FirstOrDefault(p => p.Id == x)?.Name ?? "" : "";
}
