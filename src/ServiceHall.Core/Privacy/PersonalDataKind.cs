namespace ServiceHall.Core.Privacy;

/// <summary>
/// The kinds of personal data of P3 (姓名, 身份证号, 手机号), free contact text, and free text (a complaint, a
/// question, a comment, a transcript) with such numbers written into it; each masks differently.
/// </summary>
public enum PersonalDataKind
{
    Name,
    IdNumber,
    Phone,
    Contact,
    FreeText,
}
