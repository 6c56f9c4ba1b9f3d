namespace ServiceHall.Web.Localization;

/// <summary>Marker for the strings of who handled an alert (dashboard, alert history): AlertsResource.resx (zh-CN) and AlertsResource.en.resx.</summary>
public sealed class AlertsResource;
