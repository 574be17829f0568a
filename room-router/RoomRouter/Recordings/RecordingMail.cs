using System.Globalization;
using System.Net;

namespace AvatarStream.RoomRouter.Recordings;

// The message that carries a recording's link.
internal static class RecordingMail
{
    public static string Subject(RecordingDocument recording) => $"Your recording of room {recording.RoomId} is ready";

    public static string Body(RecordingDocument recording, Uri link, DateTimeOffset expiresAt)
    {
        var url = WebUtility.HtmlEncode(link.AbsoluteUri);
        return $"""
            <p>The recording of room {WebUtility.HtmlEncode(recording.RoomId)} you asked for is ready
            ({TimeSpan.FromSeconds(recording.DurationSeconds).ToString(@"m\:ss", CultureInfo.InvariantCulture)} long).</p>
            <p><a href="{url}">{url}</a></p>
            <p>The link works until {expiresAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}. Anyone with it can watch the recording.</p>
            """;
    }
}
