namespace ServiceHall.Web.Localization;

/// <summary>Marker for the devices' strings (admin tab, dashboard panel, enrolment page): DevicesResource.resx (zh-CN) and DevicesResource.en.resx.</summary>
public sealed class DevicesResource;
