using ServiceHall.Core;
using System.Globalization;
using Microsoft.Extensions.Localization;
using ServiceHall.Core.Features.Guides;
using ServiceHall.Web.Features.Cases;
using ServiceHall.Web.Localization;

namespace ServiceHall.Web.Features.Guides;

/// <summary>The public, printable service guide (办事指南, M1) of one item, with the fields of GB/T 39046 table 4.</summary>
public static class GuidePage
{
    public static async Task<IResult> RenderAsync(Guid hallId, Guid itemId, GetServiceGuide get, IStringLocalizer<CasesResource> text,
        HttpContext http, CancellationToken ct)
    {
        PrintableHtml.ApplyLanguage(http);
        var g = await get.HandleAsync(hallId, itemId, ct);
        var title = $"{g.ItemName} {text["Guide_Title"]}";
        var html = new PrintableHtml()
            .Raw("<header>").Text("div", g.HallName, "hall").Text("h1", g.ItemName).Text("div", text["Guide_Title"]).Raw("</header>");
        if (!g.Published)
            html.Text("p", text["Guide_NotPublished"], "strong");
        var timeLimit = CaseDocumentPage.TimeLimitText(text, g.TimeLimitClass, g.PromisedDays)
            + (g.StatutoryDays is { } s ? Punctuation.BetweenClauses + text["Guide_StatutoryDays", s] : "");
        string Time(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
        html.Fields((text["Guide_ItemType"], g.ItemType), (text["Guide_LegalBasis"], g.LegalBasis),
            (text["Guide_ImplementingBody"], g.ImplementingBody), (text["Doc_Department"], g.DepartmentName),
            (text["Guide_TimeLimit"], g.Published ? timeLimit : null), (text["Guide_AcceptanceConditions"], g.AcceptanceConditions));
        if (g.Materials.Count > 0)
        {
            html.Text("h2", text["Guide_Materials"]).Table(
                ["#", text["Doc_Material_Name"], text["Doc_Material_Issuer"], text["Doc_Material_Originals"], text["Doc_Material_Copies"],
                    text["Guide_Required"], text["Doc_Material_Notes"]],
                g.Materials.Select((m, i) => new[]
                {
                    (i + 1).ToString(), m.Name, m.Issuer, m.Originals.ToString(), m.Copies.ToString(),
                    m.IsRequired ? text["Guide_Yes"] : text["Guide_No"], m.Notes,
                }), [0, 3, 4, 5]);
        }
        if (g.ProcessSteps.Count > 0)
            html.Text("h2", text["Guide_Process"]).List(g.ProcessSteps);
        html.Text("h2", text["Guide_Location"]).Fields(
            (text["Guide_Fees"], g.Published ? (g.Fees.Length > 0 ? g.Fees : text["Guide_Free"]) : null),
            (text["Guide_FeeBasis"], g.FeeBasis),
            (text["Guide_Location"], string.Join(" ", new[] { g.HallAddress, g.Location }.Where(x => !string.IsNullOrWhiteSpace(x)))),
            (text["Guide_Hours"], text["Guide_HoursValue", Time(g.OpensAt), Time(g.ClosesAt)]),
            (text["Guide_Counters"], Punctuation.List(g.Counters.Select(c => text["Doc_CounterNumber", c.Number].Value))),
            (text["Doc_ConsultPhone"], g.ConsultPhone), (text["Doc_SupervisePhone"], g.SupervisePhone));
        if (g.Questions.Count > 0)
        {
            html.Text("h2", text["Guide_Questions"]);
            foreach (var q in g.Questions)
                html.Text("p", q.Question, "strong").Paragraphs(q.Answer);
        }
        if (g.UpdatedAt is { } updated)
            html.Raw("<footer>").Text("div", text["Guide_UpdatedAt", PrintableHtml.Date(DateOnly.FromDateTime(updated))]).Raw("</footer>");
        // The counter's "print the guide" button opens ?print=1: the print dialog comes up by itself (M1, one click).
        if (http.Request.Query["print"] == "1")
            html.PrintOnLoad();
        return html.Page(title, text["Doc_Print"]);
    }
}
