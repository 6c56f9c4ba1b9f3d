namespace ServiceHall.Web.Localization;

/// <summary>
/// Marker for the strings of the counter workstation (/counter): CounterResource.resx (zh-CN, default)
/// and CounterResource.en.resx.
/// </summary>
public sealed class CounterResource;
