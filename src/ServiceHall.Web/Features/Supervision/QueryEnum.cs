using ServiceHall.Core;

namespace ServiceHall.Web.Features.Supervision;

/// <summary>Enum filters in query strings, in the camelCase the JSON uses (<c>?status=open</c>); a number or unknown name is a 400.</summary>
public static class QueryEnum
{
    public static T? Parse<T>(string? value, string field) where T : struct, Enum =>
        value is null ? null
        : !int.TryParse(value, out _) && Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
        : throw DomainException.Invalid(field, ErrorCodes.BadRequest);
}
