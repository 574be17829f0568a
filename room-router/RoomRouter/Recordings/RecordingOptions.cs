using System.ComponentModel.DataAnnotations;

namespace AvatarStream.RoomRouter.Recordings;

// Recording settings of the room router (section Recording).
public sealed class RecordingOptions
{
    public const string Section = "Recording";

    // A recording ends by itself after this long.
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00", ErrorMessage = "Recording:MaxDuration must be between {1} and {2}.")]
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromHours(2);

    // How long a recording's link works: long enough to watch it in the following days, short enough that a link that
    // leaked stops working.
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00", ErrorMessage = "Recording:LinkLifetime must be between {1} and {2}.")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(7);

    // The room router's address as members reach it: links mailed to members are absolute.
    [Required(ErrorMessage = "Recording:PublicUrl is required.")]
    [Url(ErrorMessage = "Recording:PublicUrl must be an absolute URL.")]
    public string PublicUrl { get; set; } = "http://127.0.0.1:5000";

    // How long one call on the recorder may take.
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00", ErrorMessage = "Recording:RecorderTimeout must be between {1} and {2}.")]
    public TimeSpan RecorderTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
