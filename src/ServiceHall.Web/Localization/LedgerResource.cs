namespace ServiceHall.Web.Localization;

/// <summary>
/// Marker for the service ledger's strings (page, export, the day's summary at sign-out):
/// LedgerResource.resx (zh-CN, default) and LedgerResource.en.resx.
/// </summary>
public sealed class LedgerResource;
