namespace ServiceHall.Web.Localization;

/// <summary>
/// Marker for the strings of the light public pages (kiosk, phone, display):
/// PublicPagesResource.resx (zh-CN, default) and PublicPagesResource.en.resx, served as JSON by /api/i18n/public.
/// </summary>
public sealed class PublicPagesResource;
