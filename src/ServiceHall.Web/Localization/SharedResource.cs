namespace ServiceHall.Web.Localization;

/// <summary>Marker for the shared resources: SharedResource.resx (zh-CN, default) and SharedResource.en.resx.</summary>
public sealed class SharedResource;
