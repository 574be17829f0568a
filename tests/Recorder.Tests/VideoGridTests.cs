using AvatarStream.Recorder.Core;
using Microsoft.Extensions.Logging.Abstractions;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace AvatarStream.Recorder.Tests;

public sealed class VideoGridTests
{
    private static readonly Rgb24 Red = new(220, 30, 30);
    private static readonly Rgb24 Blue = new(30, 30, 220);
    private static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(2);

    [Fact]
    public void A_paused_member_keeps_its_last_frame_then_shows_its_name_tile()
    {
        using var grid = new VideoGrid(640, 240, StaleAfter, NullLogger.Instance);
        grid.Join(1, "Ada");
        grid.Join(2, "Grace");
        var red = TestMedia.SolidJpeg(Red);
        var blue = TestMedia.SolidJpeg(Blue);
        var grace = NameTile.ColourFor("Grace");
        // Frames at 10 fps, composed as they come: member 2 pauses from 1.0 s to 4.0 s while member 1 goes on.
        for (var tenth = 0; tenth <= 45; tenth++)
        {
            var now = Seconds(tenth / 10.0);
            grid.Frame(1, now, red);
            if (tenth is <= 10 or >= 40) grid.Frame(2, now, blue);
            var frame = grid.Compose(now);
            switch (tenth)
            {
                case 15: AssertCells(frame, Red, Blue); break; // last frame kept
                case 30: AssertCells(frame, Red, Blue); break; // exactly StaleAfter since it
                case 31 or 39: AssertCells(frame, Red, grace); break;
                case 40: AssertCells(frame, Red, Blue); break;
            }
        }
    }

    [Fact]
    public void A_frame_is_shown_from_its_arrival_time_on()
    {
        using var grid = new VideoGrid(320, 240, StaleAfter, NullLogger.Instance);
        grid.Join(5, "Alan");
        grid.Frame(5, Seconds(1.0), TestMedia.SolidJpeg(Red));
        grid.Frame(5, Seconds(1.2), TestMedia.SolidJpeg(Blue));

        Assert.True(Near(NameTile.ColourFor("Alan"), grid.Compose(Seconds(0.9))[4, 4]));
        Assert.True(Near(Red, grid.Compose(Seconds(1.1))[160, 120]));
        Assert.True(Near(Blue, grid.Compose(Seconds(1.2))[160, 120]));
    }

    [Fact]
    public void Members_are_placed_by_number_and_frames_are_letterboxed()
    {
        using var grid = new VideoGrid(640, 240, StaleAfter, NullLogger.Instance);
        grid.Join(9, "Late");
        grid.Join(3, "Early");
        grid.Frame(9, Seconds(0), TestMedia.SolidJpeg(Blue));
        grid.Frame(3, Seconds(0), TestMedia.SolidJpeg(Red, 320, 120)); // wider than its cell: bars above and below

        var frame = grid.Compose(Seconds(0.1));

        Assert.True(Near(Red, frame[160, 120]));
        Assert.Equal(new Rgb24(0, 0, 0), frame[160, 10]);
        Assert.True(Near(Blue, frame[480, 120]));
    }

    [Fact]
    public void A_member_that_left_frees_its_cell_and_an_unreadable_frame_shows_the_tile()
    {
        using var grid = new VideoGrid(640, 240, StaleAfter, NullLogger.Instance);
        grid.Join(1, "Ada");
        grid.Join(2, "Grace");
        grid.Frame(2, Seconds(0), [1, 2, 3]);
        grid.Leave(1);

        var frame = grid.Compose(Seconds(0.1));

        Assert.Equal(NameTile.ColourFor("Grace"), frame[2, 2]);
    }

    private static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(seconds);

    private static void AssertCells(Image<Rgb24> frame, Rgb24 left, Rgb24 right)
    {
        Assert.True(Near(left, frame[frame.Width / 4, 4]), $"left cell is {frame[frame.Width / 4, 4]}, not {left}");
        Assert.True(Near(right, frame[frame.Width * 3 / 4, 4]), $"right cell is {frame[frame.Width * 3 / 4, 4]}, not {right}");
    }

    // JPEG moves colours a little.
    internal static bool Near(Rgb24 expected, Rgb24 actual) =>
        Math.Abs(expected.R - actual.R) + Math.Abs(expected.G - actual.G) + Math.Abs(expected.B - actual.B) < 30;
}
