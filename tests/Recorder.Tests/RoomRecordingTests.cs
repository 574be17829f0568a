using System.Globalization;
using System.Runtime.Versioning;
using AvatarStream.Recorder.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace AvatarStream.Recorder.Tests;

// With the real ffmpeg (test.sh installs it); the clock is fake, so recording seconds take far less.
public sealed class RoomRecordingTests : IDisposable
{
    private static readonly Rgb24[] Colours = [new(220, 40, 40), new(40, 200, 40), new(40, 60, 220)];

    private readonly string _folder = Directory.CreateTempSubdirectory("recorder-tests-").FullName;

    [Fact]
    public async Task Three_members_make_a_webm_with_vp8_and_opus_and_their_colours_in_three_cells()
    {
        var time = new FakeTimeProvider();
        var output = System.IO.Path.Combine(_folder, "room.webm");
        await using var recording = new RoomRecording(Settings(output), time, NullLogger<RoomRecording>.Instance);
        var jpegs = Colours.Select(colour => TestMedia.SolidJpeg(colour)).ToArray();
        var sound = TestMedia.SineOpus(200, 440);
        for (var member = 1; member <= 3; member++) recording.MemberJoined(member, $"Member {member}");

        // 4 s: audio every 20 ms, video every 100 ms, from each member.
        for (var step = 0; step < 200; step++)
        {
            for (var member = 1; member <= 3; member++)
            {
                recording.AudioPacket(member, sound[step]);
                if (step % 5 == 0) recording.VideoFrame(member, jpegs[member - 1]);
            }
            time.Advance(TimeSpan.FromMilliseconds(20));
        }
        var result = await recording.CompleteAsync(CancellationToken.None);

        Assert.Equal(output, result.Path);
        Assert.Equal(new FileInfo(output).Length, result.SizeBytes);
        Assert.InRange(result.Duration.TotalSeconds, 3.9, 4.1);
        using var probe = Ffmpeg.Probe(output);
        var format = probe.RootElement.GetProperty("format");
        Assert.Contains("webm", format.GetProperty("format_name").GetString(), StringComparison.Ordinal);
        var duration = double.Parse(format.GetProperty("duration").GetString()!, CultureInfo.InvariantCulture);
        Assert.InRange(duration, 3.5, 4.5);
        var streams = probe.RootElement.GetProperty("streams").EnumerateArray()
            .Select(stream => (Type: stream.GetProperty("codec_type").GetString(), Codec: stream.GetProperty("codec_name").GetString()))
            .ToList();
        Assert.Equal([("video", "vp8"), ("audio", "opus")], streams);

        using var middle = Image.Load<Rgb24>(Ffmpeg.FrameAt(output, duration / 2));
        var cells = GridLayout.Cells(3, middle.Width, middle.Height);
        for (var member = 0; member < 3; member++)
        {
            var cell = cells[member];
            var centre = middle[cell.X + cell.Width / 2, cell.Y + cell.Height / 2];
            Assert.True(VideoGridTests.Near(Colours[member], centre), $"cell {member} shows {centre}, not {Colours[member]}");
        }
        Assert.Equal([output], Directory.GetFileSystemEntries(_folder)); // no temp files left
    }

    [Fact]
    public async Task Disposed_without_completing_it_leaves_no_file()
    {
        var time = new FakeTimeProvider();
        var output = System.IO.Path.Combine(_folder, "aborted.webm");
        var recording = new RoomRecording(Settings(output), time, NullLogger<RoomRecording>.Instance);
        recording.MemberJoined(1, "Ada");
        recording.VideoFrame(1, TestMedia.SolidJpeg(Colours[0]));
        time.Advance(TimeSpan.FromSeconds(1));

        await recording.DisposeAsync();

        Assert.Empty(Directory.GetFileSystemEntries(_folder));
        await Assert.ThrowsAsync<InvalidOperationException>(() => recording.CompleteAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Completed_at_once_it_still_makes_a_playable_file()
    {
        var output = System.IO.Path.Combine(_folder, "empty.webm");
        await using var recording = new RoomRecording(Settings(output), new FakeTimeProvider(), NullLogger<RoomRecording>.Instance);

        var result = await recording.CompleteAsync(CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(0.1), result.Duration);
        using var probe = Ffmpeg.Probe(output);
        Assert.Equal(2, probe.RootElement.GetProperty("streams").GetArrayLength());
    }

    [Fact]
    public void A_missing_ffmpeg_is_named_with_the_package_to_install()
    {
        var settings = Settings(System.IO.Path.Combine(_folder, "never.webm")) with { FfmpegPath = "/nowhere/ffmpeg" };

        var error = Assert.Throws<FfmpegException>(() =>
            new RoomRecording(settings, new FakeTimeProvider(), NullLogger<RoomRecording>.Instance));

        Assert.Equal("ffmpeg not found at /nowhere/ffmpeg; install the Debian package ffmpeg", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public async Task A_failing_mux_is_an_error_with_ffmpegs_words_and_leaves_no_file()
    {
        var time = new FakeTimeProvider();
        var output = System.IO.Path.Combine(_folder, "missing-folder", "room.webm");
        await using var recording = new RoomRecording(Settings(output), time, NullLogger<RoomRecording>.Instance);
        time.Advance(TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<FfmpegException>(() => recording.CompleteAsync(CancellationToken.None));

        Assert.Contains("muxing", error.Message, StringComparison.Ordinal);
        Assert.Contains("missing-folder", error.Message, StringComparison.Ordinal); // ffmpeg's own words: the path it could not open
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")] // a shell script stands in for ffmpeg
    public async Task An_encoder_that_quits_is_an_error_with_its_last_words_and_leaves_no_file()
    {
        var quitting = System.IO.Path.Combine(_folder, "quitting-ffmpeg");
        await File.WriteAllTextAsync(quitting, "#!/bin/sh\necho \"Unknown encoder 'libvpx'\" >&2\nexit 1\n");
        File.SetUnixFileMode(quitting, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var time = new FakeTimeProvider();
        var output = System.IO.Path.Combine(_folder, "room.webm");
        await using var recording = new RoomRecording(Settings(output) with { FfmpegPath = quitting }, time,
            NullLogger<RoomRecording>.Instance);
        time.Advance(TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<FfmpegException>(() => recording.CompleteAsync(CancellationToken.None));

        Assert.Contains("exited with code 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("Unknown encoder 'libvpx'", error.Message, StringComparison.Ordinal);
        Assert.Equal([quitting], Directory.GetFileSystemEntries(_folder));
    }

    private RecordingSettings Settings(string output) => new(output)
    {
        Width = 640,
        Height = 480,
        FramesPerSecond = 10,
        FfmpegPath = Ffmpeg.Path,
        TempFolder = _folder,
    };

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
