namespace AvatarStream.Recorder.Core;

// What a recording writes and how. The defaults suit a small room on a small machine.
public sealed record RecordingSettings(string OutputPath)
{
    public int Width { get; init; } = 1280;
    public int Height { get; init; } = 720;
    public int FramesPerSecond { get; init; } = 15;
    public string FfmpegPath { get; init; } = "ffmpeg";
    public string TempFolder { get; init; } = Path.GetTempPath();

    // A member whose last video frame is older than this is shown as its name tile (camera off, avatar).
    public TimeSpan VideoStaleAfter { get; init; } = TimeSpan.FromSeconds(2);

    // A member's audio packets play back to back while their arrival stays within this of that schedule.
    public TimeSpan AudioJitterBound { get; init; } = TimeSpan.FromMilliseconds(120);

    // Inputs queued but not yet processed; beyond this, new frames are dropped so memory stays bounded.
    public long MaxPendingBytes { get; init; } = 32 * 1024 * 1024;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(OutputPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(FfmpegPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(TempFolder);
        // yuv420p needs even sizes.
        if (Width < 16 || Height < 16 || Width % 2 != 0 || Height % 2 != 0)
            throw new ArgumentException($"Width and height must be even and at least 16 (got {Width}x{Height}).");
        ArgumentOutOfRangeException.ThrowIfLessThan(FramesPerSecond, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(FramesPerSecond, 60);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(VideoStaleAfter, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(AudioJitterBound, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MaxPendingBytes, 0);
    }
}
