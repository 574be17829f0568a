namespace AvatarStream.Recorder.Core;

// ffmpeg could not be started or did not succeed; the message ends with what ffmpeg last wrote to stderr.
public sealed class FfmpegException : Exception
{
    public FfmpegException(string message) : base(message) { }

    public FfmpegException(string message, Exception innerException) : base(message, innerException) { }

    public FfmpegException() { }
}
