namespace ServiceHall.Web.Localization;

/// <summary>Marker for the live dashboard's strings: DashboardResource.resx (zh-CN, default) and DashboardResource.en.resx.</summary>
public sealed class DashboardResource;
