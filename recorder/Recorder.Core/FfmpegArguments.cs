using System.Globalization;

namespace AvatarStream.Recorder.Core;

// The two ffmpeg runs of a recording: encoding the composed frames as they come, and muxing at the end.
internal static class FfmpegArguments
{
    private static readonly string[] Quiet = ["-hide_banner", "-nostats", "-loglevel", "error"];

    // Raw RGB24 frames on stdin -> VP8 in WebM. Realtime settings: the encoder must keep up on a small machine.
    public static IEnumerable<string> EncodeVideo(int width, int height, int framesPerSecond, string videoPath) =>
    [
        .. Quiet,
        "-f", "rawvideo", "-pix_fmt", "rgb24", "-video_size", Invariant($"{width}x{height}"),
        "-framerate", Invariant($"{framesPerSecond}"), "-i", "pipe:0",
        "-an", "-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "1M",
        "-g", Invariant($"{framesPerSecond * 2}"), "-pix_fmt", "yuv420p",
        "-f", "webm", "-y", videoPath,
    ];

    // The finished video as it is, with the mixed s16le 48 kHz mono sound encoded as Opus.
    public static IEnumerable<string> Mux(string videoPath, string audioPath, string outputPath) =>
    [
        .. Quiet, "-nostdin",
        "-i", videoPath,
        "-f", "s16le", "-ar", Invariant($"{AudioTimeline.SampleRate}"), "-ac", "1", "-i", audioPath,
        "-map", "0:v:0", "-map", "1:a:0", "-c:v", "copy", "-c:a", "libopus", "-b:a", "64k",
        "-f", "webm", "-y", outputPath,
    ];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
