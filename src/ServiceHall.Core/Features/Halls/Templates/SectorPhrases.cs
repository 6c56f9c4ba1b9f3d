using ServiceHall.Core.Features.Conduct;

namespace ServiceHall.Core.Features.Halls.Templates;

/// <summary>
/// The conduct checker's lists (S4) of the kinds other than the government centre: the seeds' general
/// window-service lists (<see cref="DefaultConductPhrases"/>) without the lines about permits and
/// certificates, plus each sector's own sentences where its seed section gives them word for word.
/// </summary>
internal static class SectorPhrases
{
    /// <summary>Lines of the general lists that speak of 证件 and 手续, which a clinic, ticket office or front desk does not issue.</summary>
    private static readonly HashSet<string> PermitsOnly =
    [
        "请您出示您的有关证件，谢谢合作", "对不起，您的资料缺证件，谢谢合作", "您的手续已办好，请核对",
        "请收好您的证件、资料", "请您x年x月x日来取证件",
    ];

    public static IReadOnlyList<(string Text, PhraseKind Kind)> Common { get; } =
        DefaultConductPhrases.All.Where(p => !PermitsOnly.Contains(p.Text)).ToArray();

    public static IReadOnlyList<(string Text, PhraseKind Kind)> With(params (string Text, PhraseKind Kind)[] own) =>
        [.. Common, .. own.Where(p => Common.All(c => c.Text != p.Text))];
}
