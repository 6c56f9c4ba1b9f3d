namespace ServiceHall.Web.Localization;

/// <summary>Marker for the personal-data audit page's strings: PrivacyResource.resx (zh-CN, default) and PrivacyResource.en.resx.</summary>
public sealed class PrivacyResource;
