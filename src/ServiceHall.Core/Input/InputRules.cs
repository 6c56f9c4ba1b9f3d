using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceHall.Core.Input;

/// <summary>
/// What every request must be before a use case reads it, checked by walking the request as a whole:
/// no empty entry in a list, no control character in text (tab and line breaks only where a field is
/// multi-line), no text longer than its limit, no date outside the years the hall's calendar can know.
/// The first fault is refused with its field's path (<c>questions[2].answer</c>), so nothing is half-written.
/// </summary>
public static class InputRules
{
    /// <summary>A one-line field's limit when it declares none: a name, a reason, a phone number.</summary>
    public const int DefaultMaxLength = 200;

    /// <summary>Dates a request may carry: the calendar knows 2000–2099 and nothing a hall does lies outside.</summary>
    public static readonly DateOnly FirstDate = new(2000, 1, 1);
    public static readonly DateOnly LastDate = new(2099, 12, 31);

    private const int MaxDepth = 8;
    private static readonly ConcurrentDictionary<Type, Member[]> Members = new();

    /// <summary>A field's limit: its <see cref="TextAttribute"/>, on the property or on the record's constructor parameter.</summary>
    public static TextAttribute LimitOf(PropertyInfo property) =>
        property.GetCustomAttribute<TextAttribute>()
        ?? ConstructorParameter(property)?.GetCustomAttribute<TextAttribute>()
        ?? new TextAttribute(DefaultMaxLength);

    /// <summary>A bound parameter's limit (a query or route value).</summary>
    public static TextAttribute LimitOf(ParameterInfo parameter) =>
        parameter.GetCustomAttribute<TextAttribute>() ?? new TextAttribute(DefaultMaxLength);

    /// <summary>Whether a value of this type is walked: text, dates, the project's request types, lists of them.</summary>
    public static bool Covers(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || IsDate(type))
            return true;
        if (ElementType(type) is { } element)
            return Covers(element);
        return IsRequestType(type);
    }

    /// <summary>Checks <paramref name="value"/> and everything in it; <paramref name="path"/> names it in a refusal.</summary>
    public static void Check(object? value, string path, TextAttribute? limit = null) => Walk(value, path, limit, 0);

    public static void CheckText(string text, string field, TextAttribute limit)
    {
        if (text.Length > limit.MaxLength)
            throw DomainException.Invalid(field, ErrorCodes.TooLong, field, limit.MaxLength);
        foreach (var c in text)
        {
            if (IsControl(c) && !(limit.MultiLine && c is '\t' or '\n' or '\r'))
                throw DomainException.Invalid(field, ErrorCodes.ControlCharacter, field);
        }
    }

    public static void CheckDate(DateOnly date, string field)
    {
        if (date < FirstDate || date > LastDate)
            throw DomainException.Invalid(field, ErrorCodes.DateOutOfRange, field, Format(FirstDate), Format(LastDate));
    }

    /// <summary>C0 and C1 controls and DEL: nothing a person types, and NUL ends strings in other systems.</summary>
    public static bool IsControl(char c) => c < '\u0020' || c is >= '\u007f' and <= '\u009f';

    private static void Walk(object? value, string path, TextAttribute? limit, int depth)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                CheckText(text, path, limit ?? new TextAttribute(DefaultMaxLength));
                return;
            case DateOnly date:
                CheckDate(date, path);
                return;
            case DateTime time:
                CheckDate(DateOnly.FromDateTime(time), path);
                return;
            case DateTimeOffset time:
                CheckDate(DateOnly.FromDateTime(time.UtcDateTime), path);
                return;
        }
        if (depth > MaxDepth)
            return;
        var type = value.GetType();
        if (value is IEnumerable list && ElementType(type) is not null)
        {
            var i = 0;
            foreach (var item in list)
            {
                var at = $"{path}[{i++}]";
                if (item is null)
                    throw DomainException.Invalid(path, ErrorCodes.NullInList, path);
                Walk(item, at, limit, depth + 1);
            }
            return;
        }
        if (!IsRequestType(type))
            return;
        foreach (var member in Members.GetOrAdd(type, Describe))
            Walk(member.Property.GetValue(value), path.Length == 0 ? member.Name : $"{path}.{member.Name}", member.Limit, depth + 1);
    }

    private sealed record Member(PropertyInfo Property, string Name, TextAttribute Limit);

    private static Member[] Describe(Type type) =>
    [
        .. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null && Covers(p.PropertyType)
                        && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .Select(p => new Member(p, JsonName(p), LimitOf(p))),
    ];

    private static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    private static ParameterInfo? ConstructorParameter(PropertyInfo property) =>
        property.DeclaringType?.GetConstructors()
            .SelectMany(c => c.GetParameters())
            .FirstOrDefault(p => p.Name == property.Name && p.ParameterType == property.PropertyType);

    private static bool IsDate(Type type) => type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset);

    /// <summary>The project's own classes and records: the bodies and their parts.</summary>
    private static bool IsRequestType(Type type) =>
        type is { IsClass: true, IsAbstract: false } && type.Assembly.GetName().Name?.StartsWith("ServiceHall.", StringComparison.Ordinal) == true;

    private static Type? ElementType(Type type)
    {
        if (type == typeof(string))
            return null;
        if (type.IsArray)
            return type.GetElementType();
        return type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
    }

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
