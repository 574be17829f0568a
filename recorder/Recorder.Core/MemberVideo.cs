using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace AvatarStream.Recorder.Core;

// One member's video state: frames not yet due, the frame now shown and its picture fitted to the member's cell.
internal sealed class MemberVideo(string name) : IDisposable
{
    // Frames already queued beyond this are older than one output frame interval needs; the oldest goes.
    private const int MaxPendingFrames = 32;

    private readonly Queue<(TimeSpan At, byte[] Jpeg)> _pending = new();

    public string Name { get; private set; } = name;
    public byte[]? Current { get; private set; }
    public TimeSpan CurrentAt { get; private set; }

    // Built lazily for the cell size they were made for; dropped when what they show changes.
    public Image<Rgb24>? Picture { get; set; }
    public Image<Rgb24>? Tile { get; set; }

    public void Rename(string name)
    {
        if (name == Name) return;
        Name = name;
        DropTile();
    }

    public void Enqueue(TimeSpan at, byte[] jpeg)
    {
        if (_pending.Count == MaxPendingFrames) _pending.Dequeue();
        _pending.Enqueue((at, jpeg));
    }

    // Makes the newest frame that arrived by this time the current one; later frames wait.
    public void AdvanceTo(TimeSpan at)
    {
        while (_pending.TryPeek(out var next) && next.At <= at)
        {
            _pending.Dequeue();
            (CurrentAt, Current) = next;
            DropPicture();
        }
    }

    public void DropCurrent()
    {
        Current = null;
        DropPicture();
    }

    public void DropPicture()
    {
        Picture?.Dispose();
        Picture = null;
    }

    public void DropTile()
    {
        Tile?.Dispose();
        Tile = null;
    }

    public void Dispose()
    {
        DropPicture();
        DropTile();
    }
}
