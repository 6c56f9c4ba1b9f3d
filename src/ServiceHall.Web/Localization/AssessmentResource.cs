namespace ServiceHall.Web.Localization;

/// <summary>
/// Marker for the strings of the assessment pages (月度考核): AssessmentResource.resx (zh-CN, default) and
/// AssessmentResource.en.resx.
/// </summary>
public sealed class AssessmentResource;
