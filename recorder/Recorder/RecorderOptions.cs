using System.ComponentModel.DataAnnotations;

namespace AvatarStream.Recorder;

// The recorder's settings (section Recorder).
public sealed class RecorderOptions
{
    public const string Section = "Recorder";

    // Recordings this process runs at once; a request beyond it is answered 503 and the member gets
    // recording_unavailable. About 0.8 s of CPU per recorded second at 640x480 (docs/benchmarks.md): size it to the cores.
    [Range(1, 1000)]
    public int MaxRecordings { get; set; } = 4;

    [Required]
    public string FfmpegPath { get; set; } = "ffmpeg";

    // The output video; even sizes.
    [Range(160, 3840)]
    public int Width { get; set; } = 640;

    [Range(120, 2160)]
    public int Height { get; set; } = 480;

    [Range(1, 30)]
    public int FramesPerSecond { get; set; } = 10;

    // Where files are written before they are stored through the recordings binding; empty: the system's temp folder.
    public string TempFolder { get; set; } = string.Empty;

    // How long writing and storing a finished recording may take before it is failed.
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan FinishTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
