namespace ServiceHall.Core.Features.Admin;

/// <summary>The checks every settings form shares; each refusal names its field.</summary>
public static class AdminInput
{
    public static string Text(string? value, string field, int maxLength)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
            throw DomainException.Required(field);
        return text.Length <= maxLength ? text : throw DomainException.Invalid(field, ErrorCodes.TooLong, field, maxLength);
    }

    public static string? OptionalText(string? value, string field, int maxLength)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
            return null;
        return text.Length <= maxLength ? text : throw DomainException.Invalid(field, ErrorCodes.TooLong, field, maxLength);
    }

    public static int Range(int? value, string field, int min, int max, int? fallback = null)
    {
        var number = value ?? fallback ?? throw DomainException.Required(field);
        return number >= min && number <= max ? number : throw DomainException.Invalid(field, ErrorCodes.OutOfRange, field, min, max);
    }

    public static T Required<T>(T? value, string field) where T : struct =>
        value ?? throw DomainException.Required(field);
}
