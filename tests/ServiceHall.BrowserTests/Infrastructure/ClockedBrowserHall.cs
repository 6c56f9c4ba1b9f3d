using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ServiceHall.BrowserTests.Infrastructure;

/// <summary>
/// A browser-test server on a fake clock that stands still at <see cref="Start"/>: for pages whose content
/// depends on the date or the hour (calendar warnings, times shown in the hall's zone). Sign-in cookies are
/// session cookies, so a clock days away from the machine's does not lose them.
/// </summary>
public abstract class ClockedBrowserHall : BrowserHall
{
    protected ClockedBrowserHall() => Clock = new FakeTimeProvider(Start);

    protected abstract DateTimeOffset Start { get; }

    public FakeTimeProvider Clock { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
