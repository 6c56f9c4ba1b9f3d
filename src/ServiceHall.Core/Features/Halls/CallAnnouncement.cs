using System.Globalization;
using System.Text;

namespace ServiceHall.Core.Features.Halls;

/// <summary>What a citizen is asked to do at the counter, the last word of a call (issue 16: 办理, 取药, 就诊, 缴费, 售票).</summary>
public enum CallAction
{
    Handle,
    CollectMedicine,
    SeeDoctor,
    Pay,
    BuyTicket,
}

/// <summary>
/// Q4: the words of a call, from the item's template with placeholders — 请{number}号到{counter}号窗口取药.
/// The one place a call is worded: the display's text and voice and the phone's "your turn" line all use it.
/// Pure; a template is checked when an administrator saves it, so a stored one always formats.
/// </summary>
public static class CallAnnouncement
{
    public const int MaxLength = 100;
    public const string Number = "number";
    public const string Counter = "counter";
    public const string DefaultZh = "请{number}号到{counter}号窗口办理";
    // Short enough for two lines of the display's call banner, as the Chinese wording is.
    public const string DefaultEn = "{number}, please go to counter {counter}";

    /// <summary>The templates an item of a kind's template starts with, by what is done at the counter.</summary>
    public static (string Zh, string En) ForAction(CallAction action) => action switch
    {
        CallAction.Handle => (DefaultZh, DefaultEn),
        CallAction.CollectMedicine => ("请{number}号到{counter}号窗口取药", "{number}, collect your medicine at counter {counter}"),
        CallAction.SeeDoctor => ("请{number}号到{counter}号窗口就诊", "{number}, see the doctor at counter {counter}"),
        CallAction.Pay => ("请{number}号到{counter}号窗口缴费", "{number}, please pay at counter {counter}"),
        CallAction.BuyTicket => ("请{number}号到{counter}号窗口售票", "{number}, buy your ticket at counter {counter}"),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>The call of ticket <paramref name="number"/> to counter <paramref name="counterNumber"/>.</summary>
    public static string Format(string template, string number, int counterNumber)
    {
        var text = new StringBuilder(template.Length + 8);
        foreach (var (literal, placeholder) in Parse(template))
        {
            text.Append(literal);
            text.Append(placeholder switch
            {
                null => "",
                Number => number,
                Counter => counterNumber.ToString(CultureInfo.InvariantCulture),
                _ => throw new FormatException($"Unknown placeholder {{{placeholder}}} in a call announcement."),
            });
        }
        return text.ToString();
    }

    /// <summary>
    /// Why a template cannot be saved, or null: a placeholder other than {number} and {counter} (or a brace
    /// left open), or no {number} — a call that does not say the number calls nobody.
    /// </summary>
    public static (string Code, string Detail)? Problem(string template)
    {
        var placeholders = new List<string?>();
        try
        {
            placeholders.AddRange(Parse(template).Select(p => p.Placeholder));
        }
        catch (FormatException)
        {
            return (ErrorCodes.AnnouncementPlaceholderUnknown, template);
        }
        if (placeholders.FirstOrDefault(p => p is not null and not Number and not Counter) is { } unknown)
            return (ErrorCodes.AnnouncementPlaceholderUnknown, "{" + unknown + "}");
        return placeholders.Contains(Number) ? null : (ErrorCodes.AnnouncementNeedsNumber, "{" + Number + "}");
    }

    /// <summary>The template as (literal text, placeholder or null) pairs; a lone brace is a format error.</summary>
    private static IEnumerable<(string Literal, string? Placeholder)> Parse(string template)
    {
        var start = 0;
        while (start < template.Length)
        {
            var open = template.IndexOfAny(['{', '}'], start);
            if (open < 0)
                break;
            if (template[open] == '}')
                throw new FormatException("A closing brace without an opening one.");
            var close = template.IndexOfAny(['{', '}'], open + 1);
            if (close < 0 || template[close] == '{')
                throw new FormatException("A brace left open.");
            yield return (template[start..open], template[(open + 1)..close].Trim());
            start = close + 1;
        }
        yield return (template[start..], null);
    }
}
