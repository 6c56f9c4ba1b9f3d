namespace ServiceHall.Web.Localization;

/// <summary>Marker for the staffing advice strings (B1): StaffingResource.resx (zh-CN, default) and StaffingResource.en.resx.</summary>
public sealed class StaffingResource;
