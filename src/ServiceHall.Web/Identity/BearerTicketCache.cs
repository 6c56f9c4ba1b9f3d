using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;

namespace ServiceHall.Web.Identity;

/// <summary>
/// Remembers the ticket behind a bearer token for a minute. A kiosk or a counter sends the same token
/// with every request, and reading it again each time (decrypting it, checking its MAC, rebuilding its
/// claims) took about a tenth of the server's time under load. A token never changes, so the remembered
/// ticket is the one a fresh read would give; the bearer handler still checks its expiry on every
/// request, and <see cref="AccountSessions"/> its account's security stamp. Each request gets its own copy, so nothing one
/// request does to its principal reaches another. A minute bounds how long a token outlives the
/// revocation of the key that protects it.
/// </summary>
public sealed class BearerTicketCache(ISecureDataFormat<AuthenticationTicket> inner) : ISecureDataFormat<AuthenticationTicket>
{
    private const int MaxTokens = 10_000;
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(1);
    private readonly MemoryCache _tickets = new(new MemoryCacheOptions { SizeLimit = MaxTokens });

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, purpose: null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        // The bearer handler reads without a purpose; anything else goes straight through.
        if (protectedText is null || purpose is not null)
            return inner.Unprotect(protectedText, purpose);
        if (_tickets.Get<AuthenticationTicket>(protectedText) is not { } ticket)
        {
            ticket = inner.Unprotect(protectedText);
            // A token that does not read is not remembered: a flood of forged ones must not push out real ones.
            if (ticket is null)
                return null;
            _tickets.Set(protectedText, ticket, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Keep });
        }
        return ticket.Clone();
    }
}
