namespace AvatarStream.Recorder.Core;

// Splits the frame into equal cells: columns = ceil(sqrt(n)), rows = ceil(n / columns). Cells have even sizes
// (yuv420p) and a short last row is centred, so 3 members read as two above and one in the middle below.
public static class GridLayout
{
    public static IReadOnlyList<GridCell> Cells(int count, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0) return [];
        var columns = (int)Math.Ceiling(Math.Sqrt(count));
        var rows = (count + columns - 1) / columns;
        var cellWidth = width / columns & ~1;
        var cellHeight = height / rows & ~1;
        // The grid is centred in the frame; the rounding leaves at most a few pixels around it.
        var top = (height - rows * cellHeight) / 2 & ~1;
        var cells = new GridCell[count];
        for (var index = 0; index < count; index++)
        {
            var row = index / columns;
            var column = index % columns;
            var inRow = Math.Min(columns, count - row * columns);
            var left = (width - inRow * cellWidth) / 2 & ~1;
            cells[index] = new GridCell(left + column * cellWidth, top + row * cellHeight, cellWidth, cellHeight);
        }
        return cells;
    }
}
