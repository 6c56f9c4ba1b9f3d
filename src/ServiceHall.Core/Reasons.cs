namespace ServiceHall.Core;

/// <summary>Free-text reasons kept on the record: required, trimmed, bounded.</summary>
public static class Reasons
{
    public const int MaxLength = 200;

    public static string Require(string? value, string field)
    {
        var reason = value?.Trim();
        if (string.IsNullOrEmpty(reason))
            throw DomainException.Required(field);
        if (reason.Length > MaxLength)
            throw DomainException.Invalid(field, ErrorCodes.TooLong, field, MaxLength);
        return reason;
    }
}
