namespace ServiceHall.Web.Localization;

/// <summary>
/// Marker for the strings of the statistics pages (complaint statistics, ticket lookup, alert history, past figures,
/// 好差评 figures): StatisticsResource.resx (zh-CN, default) and StatisticsResource.en.resx.
/// </summary>
public sealed class StatisticsResource;
