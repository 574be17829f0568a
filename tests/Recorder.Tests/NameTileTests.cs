using AvatarStream.Recorder.Core;
using SixLabors.ImageSharp.PixelFormats;

namespace AvatarStream.Recorder.Tests;

public sealed class NameTileTests
{
    [Fact]
    public void The_colour_of_a_name_is_stable_and_names_differ()
    {
        Assert.Equal(NameTile.ColourFor("Ada Lovelace"), NameTile.ColourFor("Ada Lovelace"));
        // Pinned: a stable hash, not string.GetHashCode, which changes with every process.
        Assert.Equal(new Rgb24(150, 54, 44), NameTile.ColourFor("Ada Lovelace"));
        var colours = new[] { "Ada", "Grace", "Alan", "Edsger", "Barbara" }.Select(NameTile.ColourFor).Distinct();
        Assert.Equal(5, colours.Count());
    }

    [Theory]
    [InlineData("Ada Lovelace", "AL")]
    [InlineData("grace", "G")]
    [InlineData("  Alan  Mathison Turing ", "AT")]
    [InlineData("", "?")]
    public void Initials_take_the_first_and_last_word(string name, string initials) =>
        Assert.Equal(initials, NameTile.Initials(name));

    [Fact]
    public void A_tile_has_the_name_colour_and_white_text()
    {
        using var tile = NameTile.Render("Ada Lovelace", 320, 240);

        var background = NameTile.ColourFor("Ada Lovelace");
        Assert.Equal(background, tile[2, 2]);
        var white = 0;
        tile.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                foreach (var pixel in rows.GetRowSpan(y)) white += pixel is { R: 255, G: 255, B: 255 } ? 1 : 0;
            }
        });
        Assert.InRange(white, 500, 320 * 240 / 4);
    }
}
