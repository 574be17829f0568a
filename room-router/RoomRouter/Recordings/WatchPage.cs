using System.Globalization;
using System.Net;

namespace AvatarStream.RoomRouter.Recordings;

// The small page a recording link opens: the video and what it is. No script, so the page's strict CSP holds.
internal static class WatchPage
{
    public static string Html(RecordingDocument recording, string fileUrl)
    {
        var started = recording.StartedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var minutes = TimeSpan.FromSeconds(recording.DurationSeconds).ToString(@"m\:ss", CultureInfo.InvariantCulture);
        var file = WebUtility.HtmlEncode(fileUrl);
        return $"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Recording of room {WebUtility.HtmlEncode(recording.RoomId)}</title>
              <link rel="stylesheet" href="/web/app.css">
            </head>
            <body class="watch">
              <main>
                <h1>Recording of room {WebUtility.HtmlEncode(recording.RoomId)}</h1>
                <p>Started {started}, {minutes} long.</p>
                <video id="recording" controls preload="metadata" src="{file}"></video>
                <p><a href="{file}" download="recording-{WebUtility.HtmlEncode(recording.RoomId)}.webm">Download (WebM)</a></p>
              </main>
            </body>
            </html>
            """;
    }
}
