namespace ServiceHall.Core.Input;

/// <summary>
/// The limits of one text field of a request: its longest length and whether it may hold several lines
/// (tab and line breaks). A string field without this attribute gets <see cref="InputRules.DefaultMaxLength"/>
/// on one line. On a list of strings it applies to each entry.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class TextAttribute(int maxLength) : Attribute
{
    public int MaxLength { get; } = maxLength;
    public bool MultiLine { get; init; }
}
