namespace ServiceHall.Web.Localization;

/// <summary>
/// Marker for the strings of the priority categories (admin tab, the counter's check of a claim, the fairness figures):
/// PrioritiesResource.resx (zh-CN, default) and PrioritiesResource.en.resx.
/// </summary>
public sealed class PrioritiesResource;
