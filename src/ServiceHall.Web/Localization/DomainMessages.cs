using Microsoft.Extensions.Localization;
using ServiceHall.Core;

namespace ServiceHall.Web.Localization;

/// <summary>A use case's refusal as one sentence in the current language, for problem details and pages alike.</summary>
public static class DomainMessages
{
    public static string Describe(this IStringLocalizer<SharedResource> text, DomainException refusal) =>
        text[$"Error_{refusal.Code}", Arguments(text, refusal)].Value;

    /// <summary>
    /// Enum arguments (a ticket's status…) are named in the current language too, and so is the field a
    /// refusal names ("问题为必填项", never "question 为必填项"); a field without a label reads "此项".
    /// </summary>
    public static object[] Arguments(IStringLocalizer<SharedResource> text, DomainException refusal) =>
        refusal.Args.Select(a => a switch
        {
            Enum e => text[$"Enum_{e.GetType().Name}_{e}"].Value,
            string field when field == refusal.Field => FieldLabel(text, field),
            _ => a,
        }).ToArray();

    /// <summary>A refusal shown on a form: the field it names reads as the form's own label (<c>Field_{name}</c> in the form's
    /// resource), so that the message and the form use one word for it.</summary>
    public static string Describe(this IStringLocalizer<SharedResource> text, DomainException refusal, IStringLocalizer labels)
    {
        var args = Arguments(text, refusal);
        for (var i = 0; i < args.Length; i++)
            if (refusal.Args[i] is string field && field == refusal.Field && labels[$"Field_{field}"] is { ResourceNotFound: false } label)
                args[i] = label.Value;
        return text[$"Error_{refusal.Code}", args].Value;
    }

    /// <summary>A request field (its JSON name) as the person reads it.</summary>
    public static string FieldLabel(IStringLocalizer<SharedResource> text, string field)
    {
        if (text[$"Field_{field}"] is { ResourceNotFound: false } label)
            return label.Value;
        // A field inside a list (questions[2].answer) reads by its own name, with the entry's place.
        var last = field[(field.LastIndexOf('.') + 1)..];
        var name = last.Split('[')[0];
        var index = System.Text.RegularExpressions.Regex.Match(field, @"\[(\d+)\]");
        if (name != field && text[$"Field_{name}"] is { ResourceNotFound: false } inner)
            return index.Success ? $"{inner.Value} ({int.Parse(index.Groups[1].Value) + 1})" : inner.Value;
        return text["Field_Unknown"].Value;
    }
}
