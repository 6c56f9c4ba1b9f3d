namespace ServiceHall.Web.Localization;

/// <summary>Marker for the appointments page's strings (Q8): AppointmentsResource.resx (zh-CN, default) and AppointmentsResource.en.resx.</summary>
public sealed class AppointmentsResource;
