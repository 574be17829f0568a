namespace AvatarStream.DevHost;

// Whether ffmpeg, which the recorder needs, is on the PATH: the local run says so plainly instead of failing the first
// recording.
public static class FfmpegCheck
{
    public static bool Installed() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, "ffmpeg")));
}
