using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace AvatarStream.Recorder.Core;

// The cell of a member without video: its initials large and its name below, on a colour derived from the name so
// the same person looks the same in every recording.
public static class NameTile
{
    private static readonly Rgb24 TextColour = new(255, 255, 255);

    public static Image<Rgb24> Render(string name, int width, int height)
    {
        var tile = new Image<Rgb24>(width, height, ColourFor(name));
        var initials = Initials(name);
        var initialsScale = Math.Max(1, Math.Min(width / 3 / Math.Max(1, BitmapFont.MeasureWidth(initials, 1)),
            height / 3 / BitmapFont.GlyphHeight));
        var initialsTop = height / 2 - BitmapFont.GlyphHeight * initialsScale * 3 / 4;
        DrawCentred(tile, initials, initialsTop, initialsScale);

        var nameScale = Math.Max(1, Math.Min(initialsScale / 3, height / 12 / BitmapFont.GlyphHeight));
        var shownName = FitName(name, width, nameScale);
        var nameTop = initialsTop + BitmapFont.GlyphHeight * initialsScale + BitmapFont.GlyphHeight * nameScale;
        DrawCentred(tile, shownName, nameTop, nameScale);
        return tile;
    }

    // A mid-dark, saturated colour (white text stays readable) whose hue comes from a stable hash of the name;
    // string.GetHashCode changes between processes, so it cannot be used.
    public static Rgb24 ColourFor(string name)
    {
        var hash = 2166136261u; // FNV-1a
        foreach (var character in name)
        {
            hash ^= character;
            hash *= 16777619u;
        }
        return FromHsl(hash % 360, 0.55, 0.38);
    }

    // Up to two letters: the first of the first and of the last word ("Ada Lovelace" -> "AL"); "?" for no name.
    public static string Initials(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0) return "?";
        var first = char.ToUpperInvariant(words[0][0]);
        return words.Length == 1 ? first.ToString() : string.Concat(first, char.ToUpperInvariant(words[^1][0]));
    }

    private static string FitName(string name, int width, int scale)
    {
        var fitting = Math.Max(1, (width - 2 * scale) / (BitmapFont.Advance * scale));
        return name.Length <= fitting ? name : string.Concat(name.AsSpan(0, Math.Max(1, fitting - 2)), "..");
    }

    private static void DrawCentred(Image<Rgb24> tile, string text, int top, int scale) =>
        BitmapFont.Draw(tile, text, (tile.Width - BitmapFont.MeasureWidth(text, scale)) / 2, top, scale, TextColour);

    private static Rgb24 FromHsl(double hue, double saturation, double lightness)
    {
        var chroma = (1 - Math.Abs(2 * lightness - 1)) * saturation;
        var sector = hue / 60;
        var second = chroma * (1 - Math.Abs(sector % 2 - 1));
        var (red, green, blue) = (int)sector switch
        {
            0 => (chroma, second, 0.0),
            1 => (second, chroma, 0.0),
            2 => (0.0, chroma, second),
            3 => (0.0, second, chroma),
            4 => (second, 0.0, chroma),
            _ => (chroma, 0.0, second),
        };
        var match = lightness - chroma / 2;
        return new Rgb24(ToByte(red + match), ToByte(green + match), ToByte(blue + match));
    }

    private static byte ToByte(double value) => (byte)Math.Clamp(Math.Round(value * 255), 0, 255);
}
