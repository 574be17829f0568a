using AvatarStream.Recorder.Core;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp;

namespace AvatarStream.Recorder.Tests;

public sealed class BitmapFontTests
{
    [Fact]
    public void The_letter_A_has_its_known_pixels()
    {
        string[] expected = [".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"];

        Assert.Equal(expected, Rows('A'));
        Assert.Equal(expected, Rows('a'));
    }

    [Fact]
    public void Digits_and_punctuation_are_known_and_others_are_a_box()
    {
        Assert.Equal([".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###."], Rows('0'));
        Assert.Equal([".....", ".....", ".....", ".....", ".....", ".##..", ".##.."], Rows('.'));
        Assert.True(BitmapFont.IsKnown('-'));
        Assert.False(BitmapFont.IsKnown('é'));
        Assert.Equal(["#####", "#...#", "#...#", "#...#", "#...#", "#...#", "#####"], Rows('é'));
    }

    [Fact]
    public void Draw_scales_each_font_pixel_to_a_square()
    {
        using var image = new Image<Rgb24>(30, 20);
        var white = new Rgb24(255, 255, 255);

        BitmapFont.Draw(image, "I", 2, 3, scale: 2, white);

        // 'I' row 0 is .###. : font pixel (1, 0) covers image (4..5, 3..4).
        Assert.Equal(white, image[4, 3]);
        Assert.Equal(white, image[5, 4]);
        Assert.Equal(default, image[3, 3]); // font pixel (0, 0) is off
        Assert.Equal(white, image[6, 6]); // row 1 is ..#.. : font pixel (2, 1) covers (6..7, 5..6)
        Assert.Equal(default, image[4, 6]);
        Assert.Equal(11 * 2, BitmapFont.MeasureWidth("AB", 2));
    }

    [Fact]
    public void Drawing_off_the_image_is_clipped() =>
        BitmapFont.Draw(new Image<Rgb24>(4, 4), "WIDE TEXT", -3, -2, 3, new Rgb24(1, 2, 3));

    private static string[] Rows(char character) =>
        Enumerable.Range(0, BitmapFont.GlyphHeight)
            .Select(y => string.Concat(Enumerable.Range(0, BitmapFont.GlyphWidth)
                .Select(x => BitmapFont.Pixel(character, x, y) ? '#' : '.')))
            .ToArray();
}
