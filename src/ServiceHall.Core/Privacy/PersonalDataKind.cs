namespace ServiceHall.Core.Privacy;

/// <summary>The kinds of personal data of P3 (姓名, 身份证号, 手机号) and free contact text; each masks differently.</summary>
public enum PersonalDataKind
{
    Name,
    IdNumber,
    Phone,
    Contact,
}
