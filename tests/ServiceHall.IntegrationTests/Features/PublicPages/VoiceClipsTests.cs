using System.Net;
using Microsoft.AspNetCore.Hosting;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.PublicPages;

/// <summary>Q4: a hall's own recordings (Display:VoiceClipsPath) are served in place of the default clips.</summary>
public abstract class VoiceClipsTests(HallApp app)
{
    [Fact]
    public async Task Clip_HallRecordingPresent_ServedInPlaceOfTheDefault()
    {
        var folder = Directory.CreateTempSubdirectory("servicehall-clips-").FullName;
        try
        {
            byte[] recording = [0x4f, 0x67, 0x67, 0x53, 1, 2, 3];
            await File.WriteAllBytesAsync(Path.Combine(folder, "qing.ogg"), recording);
            using var hall = app.WithWebHostBuilder(b => b.UseSetting("Display:VoiceClipsPath", folder));
            using var http = hall.CreateClient();

            var own = await http.GetAsync("/audio/zh-CN/qing.ogg");
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            Assert.Equal("audio/ogg", own.Content.Headers.ContentType?.MediaType);
            Assert.Equal(recording, await own.Content.ReadAsByteArrayAsync());

            var fallback = await http.GetAsync("/audio/zh-CN/hao.ogg");
            Assert.Equal(HttpStatusCode.OK, fallback.StatusCode);
            Assert.True((await fallback.Content.ReadAsByteArrayAsync()).Length > 1000, "the default clip");
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/audio/zh-CN/..%2F..%2Fappsettings.json")).StatusCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Clip_NoHallRecordings_DefaultServed()
    {
        var response = await app.CreateClient().GetAsync("/audio/zh-CN/chuangkou.ogg");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }
}

public sealed class SqliteVoiceClipsTests(SqliteHallApp app) : VoiceClipsTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresVoiceClipsTests(PostgresHallApp app) : VoiceClipsTests(app), IClassFixture<PostgresHallApp>;
