using ServiceHall.Core;
using Microsoft.Extensions.Localization;
using ServiceHall.Core.Features.Cases;
using ServiceHall.Core.Features.Guides;
using ServiceHall.Web.Identity;
using ServiceHall.Web.Localization;

namespace ServiceHall.Web.Features.Cases;

/// <summary>受理回执, 一次性告知书 and 不予受理通知书 as printable A4 pages with hall, counter, badge number and date.</summary>
public static class CaseDocumentPage
{
    public static async Task<IResult> RenderAsync(HttpContext http, GetCaseDocument get, Guid caseId, CaseDocumentKind kind, Guid? noticeId,
        CancellationToken ct)
    {
        PrintableHtml.ApplyLanguage(http);
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<CasesResource>>();
        var doc = await get.HandleAsync(caseId, kind, noticeId, http.User.UserId(), $"print {kind}", ct);
        var title = text[$"Doc_{kind}_Title"].Value;
        var html = new PrintableHtml()
            .Raw("<header>").Text("div", doc.HallName, "hall").Text("h1", title).Raw("</header>")
            .Text("p", text["Doc_Number", doc.DocumentNumber], "number")
            .Fields((text["Doc_Applicant"], doc.ApplicantName), (text["Doc_IdNumber"], doc.ApplicantIdNumber),
                (text["Doc_Item"], doc.ItemName), (text["Doc_Department"], doc.DepartmentName), (text["Doc_CaseNumber"], doc.CaseNumber));
        string[] materialHeaders = [text["Doc_Material_Name"], text["Doc_Material_Issuer"], text["Doc_Material_Originals"],
            text["Doc_Material_Copies"], text["Doc_Material_Notes"]];
        var materialRows = doc.Materials.Select(m => new[] { m.Name, m.Issuer, m.Originals.ToString(), m.Copies.ToString(), m.Notes });
        switch (kind)
        {
            case CaseDocumentKind.Receipt:
                html.Text("p", text["Doc_Receipt_Body", doc.ItemName, PrintableHtml.DateTimeText(doc.IssuedLocal)])
                    .Text("h2", text["Doc_ReceivedMaterials"]).Table(materialHeaders, materialRows, [2, 3])
                    .Fields((text["Doc_TimeLimit"], TimeLimitText(text, doc.TimeLimitClass, doc.PromisedDays)),
                        (text["Doc_DueDate"], PrintableHtml.Date(doc.DueDate)), (text["Doc_PickupDate"], PrintableHtml.Date(doc.PickupDate)))
                    .Text("p", text["Doc_Pickup", PrintableHtml.Date(doc.PickupDate)], "strong")
                    .Text("p", text["Doc_WorkingDaysNote"]);
                break;
            case CaseDocumentKind.OneTimeNotice:
                if (doc.IsException)
                    html.Text("p", text["Doc_Exception", doc.NoticeSequence, doc.ExceptionReason ?? ""], "exception");
                html.Text("p", text["Doc_OneTimeNotice_Body", doc.ItemName])
                    .Text("h2", text["Doc_MissingMaterials"]).Table(["#", .. materialHeaders],
                        materialRows.Select((r, i) => new[] { (i + 1).ToString() }.Concat(r).ToArray()), [0, 3, 4])
                    .Text("h2", text["Doc_NextSteps"]).Paragraphs(string.IsNullOrWhiteSpace(doc.NextSteps) ? text["Doc_NextSteps_Default"] : doc.NextSteps);
                if (!string.IsNullOrWhiteSpace(doc.SpecialNotes))
                    html.Text("h2", text["Doc_SpecialNotes"]).Paragraphs(doc.SpecialNotes);
                break;
            case CaseDocumentKind.Extension:
                html.Text("p", text["Doc_Extension_Body", doc.ItemName, doc.ExtensionDays])
                    .Fields((text["Doc_Extension_Reason"], doc.ExtensionReason),
                        (text["Doc_OriginalDueDate"], PrintableHtml.Date(doc.OriginalDueDate)),
                        (text["Doc_DueDate"], PrintableHtml.Date(doc.DueDate)), (text["Doc_PickupDate"], PrintableHtml.Date(doc.PickupDate)))
                    .Text("p", text["Doc_Extension_Law"])
                    .Text("p", text["Doc_WorkingDaysNote"]);
                break;
            case CaseDocumentKind.ClockPause:
                html.Text("p", text["Doc_ClockPause_Body", doc.ItemName, doc.PauseKind is { } pk ? text[$"PauseKind_{pk}"].Value : ""])
                    .Fields((text["Doc_ClockPause_Reason"], doc.PauseReason), (text["Doc_DueDate"], PrintableHtml.Date(doc.DueDate)))
                    .Text("p", text["Doc_ClockPause_Law"]);
                break;
            case CaseDocumentKind.Refusal:
                html.Text("p", text["Doc_Refusal_Body", doc.ItemName])
                    .Fields((text["Doc_Refusal_Reason"], doc.RefusalReason), (text["Doc_Refusal_Basis"], doc.RefusalBasis))
                    .Text("p", text["Doc_Refusal_Rights"]);
                break;
        }
        html.Fields((text["Doc_Staff"], doc.StaffName), (text["Doc_Badge"], doc.BadgeNumber),
                (text["Doc_Counter"], doc.CounterNumber is { } n ? text["Doc_CounterNumber", n].Value : null),
                (text["Doc_Date"], PrintableHtml.DateTimeText(doc.IssuedLocal)))
            .Raw("<div class=\"signature\">").Text("div", text["Doc_ApplicantSignature"])
            .Raw("<div class=\"seal\">").Text("div", doc.HallName).Text("div", text["Doc_Seal"])
            .Text("div", PrintableHtml.Date(DateOnly.FromDateTime(doc.IssuedLocal))).Raw("</div></div>");
        var contacts = string.Join("　", new[] { (text["Doc_ConsultPhone"].Value, doc.ConsultPhone), (text["Doc_SupervisePhone"].Value, doc.SupervisePhone) }
            .Where(p => p.Item2.Length > 0).Select(p => Punctuation.Labelled(p.Item1, p.Item2)));
        html.Raw("<footer>").Text("div", doc.HallAddress).Text("div", contacts).Raw("</footer>");
        return html.Page($"{title} {doc.DocumentNumber}", text["Doc_Print"]);
    }

    public static string TimeLimitText(IStringLocalizer text, TimeLimitClass kind, int days) =>
        text[$"TimeLimit_{kind}", days].Value;
}
