using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using ServiceHall.Core;
using ServiceHall.Core.Features.Queue;
using ServiceHall.IntegrationTests.Infrastructure;
using ServiceHall.Web.Localization;

namespace ServiceHall.IntegrationTests.Localization;

/// <summary>Every refusal and every state a message can name has its words in Chinese and English.</summary>
public sealed class SharedResourceTests(SqliteHallApp app) : IClassFixture<SqliteHallApp>
{
    public static TheoryData<string> Keys()
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var field in typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
            keys.Add($"Error_{field.GetValue(null)}");
        foreach (var field in typeof(ServiceHall.Core.Features.Standards.StandardErrors).GetFields(BindingFlags.Public | BindingFlags.Static))
            keys.Add($"Error_{field.GetValue(null)}");
        foreach (var rule in Enum.GetNames<ServiceHall.Core.Features.Standards.StandardRule>())
            keys.Add($"Enum_StandardRule_{rule}");
        foreach (var status in Enum.GetNames<TicketStatus>())
            keys.Add($"Enum_TicketStatus_{status}");
        foreach (var status in Enum.GetNames<ServiceHall.Core.Features.Cases.CaseStatus>())
            keys.Add($"Enum_CaseStatus_{status}");
        foreach (var key in new[] { "Error_MalformedJson", "Error_BadRequest", "Error_BodyTooLarge", "Error_RateLimited",
                     "Error_InvalidCredentials", "Error_SignInThrottled" })
            keys.Add(key);
        return new TheoryData<string>(keys);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Resource_EveryKey_InChineseAndEnglish(string key)
    {
        var text = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var zh = LocalizationSetup.InCulture(new CultureInfo("zh-CN"), () => text[key]);
        var en = LocalizationSetup.InCulture(new CultureInfo("en"), () => text[key]);
        Assert.False(zh.ResourceNotFound, key);
        Assert.False(en.ResourceNotFound, key);
        Assert.NotEqual(zh.Value, en.Value);
    }
}
