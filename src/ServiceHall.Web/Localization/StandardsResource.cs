namespace ServiceHall.Web.Localization;

/// <summary>
/// Marker for the strings of the standards pages (达标监察, cards): StandardsResource.resx (zh-CN, default)
/// and StandardsResource.en.resx.
/// </summary>
public sealed class StandardsResource;
