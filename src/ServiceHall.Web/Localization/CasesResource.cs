namespace ServiceHall.Web.Localization;

/// <summary>
/// Marker for the strings of the case documents (受理回执, 一次性告知书, 不予受理通知书), the service
/// guide page and the case pages: CasesResource.resx (zh-CN, default) and CasesResource.en.resx.
/// </summary>
public sealed class CasesResource;
