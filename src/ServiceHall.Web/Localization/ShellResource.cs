namespace ServiceHall.Web.Localization;

/// <summary>
/// Marker for the strings of the Blazor shell — layout, navigation, sign-in, access denied:
/// ShellResource.resx (zh-CN, default) and ShellResource.en.resx.
/// </summary>
public sealed class ShellResource;
