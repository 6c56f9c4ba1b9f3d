namespace ServiceHall.Web.Localization;

/// <summary>
/// Marker for the strings of the light supervision pages (rating pad, rating on the phone, online complaint):
/// SupervisionPublicResource.resx (zh-CN) and .en.resx, served as JSON by /api/i18n/supervision.
/// </summary>
public sealed class SupervisionPublicResource;
