using AvatarStream.Recorder.Core;

namespace AvatarStream.Recorder.Tests;

public sealed class GridLayoutTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(2, 2, 1)]
    [InlineData(3, 2, 2)]
    [InlineData(4, 2, 2)]
    [InlineData(5, 3, 2)]
    [InlineData(6, 3, 2)]
    [InlineData(7, 3, 3)]
    [InlineData(8, 3, 3)]
    [InlineData(9, 3, 3)]
    [InlineData(10, 4, 3)]
    public void Cells_are_equal_even_inside_the_frame_and_apart(int count, int columns, int rows)
    {
        var cells = GridLayout.Cells(count, 1280, 720);

        Assert.Equal(count, cells.Count);
        var width = 1280 / columns & ~1;
        var height = 720 / rows & ~1;
        Assert.All(cells, cell =>
        {
            Assert.Equal((width, height), (cell.Width, cell.Height));
            Assert.True(cell.X % 2 == 0 && cell.Y % 2 == 0, $"odd position {cell}");
            Assert.InRange(cell.X, 0, 1280 - width);
            Assert.InRange(cell.Y, 0, 720 - height);
        });
        Assert.Equal(rows, cells.Select(cell => cell.Y).Distinct().Count());
        Assert.Equal(Math.Min(count, columns), cells.Count(cell => cell.Y == cells[0].Y));
        for (var first = 0; first < count; first++)
        {
            for (var second = first + 1; second < count; second++)
                Assert.False(Overlap(cells[first], cells[second]), $"{cells[first]} overlaps {cells[second]}");
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(10)]
    public void A_short_last_row_is_centred(int count)
    {
        var cells = GridLayout.Cells(count, 1280, 720);

        var lastRow = cells.Where(cell => cell.Y == cells[^1].Y).ToList();
        var leftMargin = lastRow[0].X;
        var rightMargin = 1280 - (lastRow[^1].X + lastRow[^1].Width);
        Assert.InRange(Math.Abs(leftMargin - rightMargin), 0, 2);
        Assert.True(leftMargin > cells[0].X);
    }

    [Fact]
    public void Cells_run_left_to_right_then_top_to_bottom()
    {
        var cells = GridLayout.Cells(4, 640, 480);

        Assert.Equal([new(0, 0, 320, 240), new(320, 0, 320, 240), new(0, 240, 320, 240), new(320, 240, 320, 240)], cells);
    }

    [Fact]
    public void No_members_no_cells() => Assert.Empty(GridLayout.Cells(0, 640, 480));

    private static bool Overlap(GridCell a, GridCell b) =>
        a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;
}
