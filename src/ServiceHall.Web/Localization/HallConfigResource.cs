namespace ServiceHall.Web.Localization;

/// <summary>Marker for the strings of hall modules and English names (issue 16): HallConfigResource.resx (zh-CN, default) and HallConfigResource.en.resx.</summary>
public sealed class HallConfigResource;
