using Microsoft.Extensions.Logging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace AvatarStream.Recorder.Core;

// Composes output frames: each present member, in member-number order, in its grid cell, showing the newest JPEG
// that had arrived by the frame's time, letterboxed, or its name tile when it has no recent frame.
internal sealed partial class VideoGrid(int width, int height, TimeSpan staleAfter, ILogger logger) : IDisposable
{
    private static readonly Rgb24 Background = new(0, 0, 0);

    private readonly SortedDictionary<int, MemberVideo> _members = [];
    private readonly Image<Rgb24> _canvas = new(width, height, Background);

    public static string DefaultName(int member) => $"#{member}";

    public void Join(int member, string name)
    {
        if (_members.TryGetValue(member, out var known)) known.Rename(name);
        else _members[member] = new MemberVideo(name);
    }

    public void Leave(int member)
    {
        if (_members.Remove(member, out var video)) video.Dispose();
    }

    // Media can come before the roster names its sender; such a member shows under its number until then.
    public void Frame(int member, TimeSpan at, byte[] jpeg)
    {
        if (!_members.TryGetValue(member, out var video))
        {
            video = new MemberVideo(DefaultName(member));
            _members[member] = video;
        }
        video.Enqueue(at, jpeg);
    }

    // The frame at this recording time; valid until the next call.
    public Image<Rgb24> Compose(TimeSpan at)
    {
        _canvas.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++) rows.GetRowSpan(y).Fill(Background);
        });
        var cells = GridLayout.Cells(_members.Count, width, height);
        var index = 0;
        foreach (var (member, video) in _members)
        {
            var cell = cells[index++];
            video.AdvanceTo(at);
            var picture = video.Current is not null && at - video.CurrentAt <= staleAfter
                ? PictureOf(member, video, cell)
                : null;
            picture ??= TileOf(video, cell);
            var location = new Point(cell.X + (cell.Width - picture.Width) / 2, cell.Y + (cell.Height - picture.Height) / 2);
            _canvas.Mutate(context => context.DrawImage(picture, location, 1f));
        }
        return _canvas;
    }

    private Image<Rgb24>? PictureOf(int member, MemberVideo video, GridCell cell)
    {
        if (video.Picture is { } made && Fits(made, cell)) return made;
        video.DropPicture();
        try
        {
            var picture = Image.Load<Rgb24>(video.Current);
            var scale = Math.Min((double)cell.Width / picture.Width, (double)cell.Height / picture.Height);
            var fitted = new Size(Math.Max(1, (int)(picture.Width * scale)), Math.Max(1, (int)(picture.Height * scale)));
            if (fitted != picture.Size()) picture.Mutate(context => context.Resize(fitted));
            video.Picture = picture;
            return picture;
        }
        catch (Exception error) when (error is ImageFormatException or UnknownImageFormatException)
        {
            LogBadFrame(logger, member, error.Message);
            video.DropCurrent();
            return null;
        }
    }

    private static Image<Rgb24> TileOf(MemberVideo video, GridCell cell)
    {
        if (video.Tile is { } made && made.Width == cell.Width && made.Height == cell.Height) return made;
        video.DropTile();
        video.Tile = NameTile.Render(video.Name, cell.Width, cell.Height);
        return video.Tile;
    }

    // A picture fits when it was made for this cell: as large as the cell allows in one direction.
    private static bool Fits(Image<Rgb24> picture, GridCell cell) =>
        picture.Width <= cell.Width && picture.Height <= cell.Height
        && (picture.Width >= cell.Width - 1 || picture.Height >= cell.Height - 1);

    public void Dispose()
    {
        foreach (var video in _members.Values) video.Dispose();
        _canvas.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Video frame of member {Member} is not a readable JPEG: {Reason}")]
    private static partial void LogBadFrame(ILogger logger, int member, string reason);
}
