namespace ServiceHall.Web.Localization;

/// <summary>Marker for the admin pages' strings: AdminResource.resx (zh-CN, default) and AdminResource.en.resx.</summary>
public sealed class AdminResource;
