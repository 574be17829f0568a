using System.Diagnostics;
using System.Globalization;
using AvatarStream.Recorder.Core;
using AvatarStream.RecorderBench;
using Microsoft.Extensions.Logging.Abstractions;

// Records a room in real time and prints the CPU the recording cost per second of recording, the recorder's own and
// ffmpeg's. Usage: RecorderBench [seconds=10] [members=3] [width=1280] [height=720] [fps=15] [ffmpeg=ffmpeg]
var seconds = Argument(0, 10);
var members = Argument(1, 3);
var width = Argument(2, 1280);
var height = Argument(3, 720);
var fps = Argument(4, 15);
var ffmpeg = args.Length > 5 ? args[5] : "ffmpeg";

var frames = Enumerable.Range(0, members).Select(member => BenchMedia.Frames(10, member * 80)).ToArray();
var tone = BenchMedia.Tone(50, 330);
var output = Path.Combine(Path.GetTempPath(), $"recorder-bench-{Environment.ProcessId}.webm");
var settings = new RecordingSettings(output) { Width = width, Height = height, FramesPerSecond = fps, FfmpegPath = ffmpeg };

var process = Process.GetCurrentProcess();
var ownBefore = process.TotalProcessorTime;
var childrenBefore = ChildCpu.Used();
var wall = Stopwatch.StartNew();
await using (var recording = new RoomRecording(settings, TimeProvider.System, NullLogger<RoomRecording>.Instance))
{
    for (var member = 1; member <= members; member++) recording.MemberJoined(member, $"Member {member}");
    // Every 20 ms each member's audio packet; every 100 ms (10 fps) its video frame. Sent by the clock, so a busy
    // machine delays them but the room still sends its full rate per recorded second.
    for (var step = 0; step < seconds * 50; step++)
    {
        var due = TimeSpan.FromMilliseconds(step * 20) - wall.Elapsed;
        if (due > TimeSpan.Zero) await Task.Delay(due);
        for (var member = 1; member <= members; member++)
        {
            recording.AudioPacket(member, tone[step % tone.Length]);
            if (step % 5 == 0) recording.VideoFrame(member, frames[member - 1][step / 5 % 10]);
        }
    }
    var fedFor = wall.Elapsed;
    var result = await recording.CompleteAsync(CancellationToken.None);
    process.Refresh();
    var own = process.TotalProcessorTime - ownBefore;
    var children = ChildCpu.Used() - childrenBefore;
    var recorded = result.Duration.TotalSeconds;
    Console.WriteLine(Invariant($"{members} members, {width}x{height} at {fps} fps, {recorded:0.0} s recorded in {wall.Elapsed.TotalSeconds:0.0} s, {result.SizeBytes / 1024} KiB"));
    Console.WriteLine(Invariant($"inputs sent over {fedFor.TotalSeconds:0.0} s: {seconds * 50.0 / recorded:0.0} audio packets and {seconds * 10.0 / recorded:0.0} video frames per member per recorded second"));
    Console.WriteLine(Invariant($"recorder process: {own.TotalSeconds:0.00} s CPU = {own.TotalSeconds / recorded * 1000:0} ms per recorded second"));
    Console.WriteLine(Invariant($"ffmpeg (encode + mux): {children.TotalSeconds:0.00} s CPU = {children.TotalSeconds / recorded * 1000:0} ms per recorded second"));
    Console.WriteLine(Invariant($"total: {(own + children).TotalSeconds / recorded * 1000:0} ms CPU per recorded second"));
}
File.Delete(output);

int Argument(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
