using System.Collections;
using System.Globalization;
using System.Resources;
using ServiceHall.Web.Localization;

namespace ServiceHall.IntegrationTests.Localization;

/// <summary>P4: every string of the pages exists in Chinese (neutral) and English, and nowhere only in one.</summary>
public sealed class PageResourceTests
{
    public static TheoryData<string> Resources() => new()
    {
        nameof(ShellResource), nameof(CounterResource), nameof(PublicPagesResource), nameof(DashboardResource), nameof(AdminResource), nameof(CasesResource), nameof(PrivacyResource),
        nameof(StatisticsResource), nameof(StandardsResource),
        nameof(LedgerResource),
        nameof(HallConfigResource),
        nameof(PrioritiesResource),
    };

    [Theory]
    [MemberData(nameof(Resources))]
    public void Resource_SameKeysInChineseAndEnglish(string resource)
    {
        var manager = new ResourceManager($"ServiceHall.Web.Localization.{resource}", typeof(ShellResource).Assembly);
        var zh = Strings(manager, CultureInfo.InvariantCulture);
        var en = Strings(manager, new CultureInfo("en"));

        Assert.NotEmpty(zh);
        Assert.Empty(zh.Keys.Except(en.Keys));
        Assert.Empty(en.Keys.Except(zh.Keys));
        Assert.All(zh, pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value), pair.Key));
        Assert.All(en, pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value), pair.Key));
    }

    private static Dictionary<string, string> Strings(ResourceManager manager, CultureInfo culture)
    {
        var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No {culture.Name} resources.");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }
}
