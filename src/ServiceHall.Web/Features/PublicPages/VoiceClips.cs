using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace ServiceHall.Web.Features.PublicPages;

/// <summary>
/// The display's recorded voice clips (Q4) at <c>/audio/zh-CN/{clip}.ogg</c>: the defaults in wwwroot, or a hall's
/// own recordings from the folder <c>Display:VoiceClipsPath</c>, served in their place under the same addresses.
/// A clip missing from that folder falls back to the default one.
/// </summary>
public static class VoiceClips
{
    private static readonly PathString RequestPath = "/audio/zh-CN";

    /// <summary>
    /// A middleware rather than a second static-file provider: the web root's files are endpoints
    /// (MapStaticAssets), and the static-file middleware steps aside for a request an endpoint matched.
    /// </summary>
    public static void UseVoiceClips(this WebApplication app)
    {
        var folder = app.Configuration["Display:VoiceClipsPath"];
        if (string.IsNullOrWhiteSpace(folder))
            return;
        var full = Path.GetFullPath(folder, app.Environment.ContentRootPath);
        if (!Directory.Exists(full))
            throw new InvalidOperationException($"Display:VoiceClipsPath names a folder that does not exist: {full}");
        var files = new PhysicalFileProvider(full);
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".ogg"] = "audio/ogg"; // the provider's default says video/ogg
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method)
                && context.Request.Path.StartsWithSegments(RequestPath, out var rest)
                && files.GetFileInfo(rest.Value ?? "") is { Exists: true, IsDirectory: false } file
                && types.TryGetContentType(file.Name, out var contentType))
            {
                context.Response.ContentType = contentType;
                context.Response.ContentLength = file.Length;
                context.Response.Headers.CacheControl = "no-cache"; // a hall that re-records sees it on the next load
                await context.Response.SendFileAsync(file, context.RequestAborted);
                return;
            }
            await next(context);
        });
    }
}
