namespace ServiceHall.Web.Localization;

/// <summary>
/// Marker for the strings of the supervision features' exports and back-office pages:
/// SupervisionResource.resx (zh-CN, default) and SupervisionResource.en.resx.
/// </summary>
public sealed class SupervisionResource;
