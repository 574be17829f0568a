using AvatarStream.RoomRouter.Core.Rooms;

namespace AvatarStream.RoomRouter.Core.Tests;

public class RoomIdTests
{
    [Theory]
    [InlineData("00157", "00157")]
    [InlineData("157", "00157")]
    [InlineData("0", "00000")]
    [InlineData("00000", "00000")]
    [InlineData("99999", "99999")]
    public void TryParse_OneToFiveDigits_GivesCanonicalText(string text, string canonical)
    {
        Assert.True(RoomId.TryParse(text, out var id));
        Assert.Equal(canonical, id.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("123456")]
    [InlineData("000157")]
    [InlineData("-1")]
    [InlineData("+157")]
    [InlineData(" 157")]
    [InlineData("157 ")]
    [InlineData("15a")]
    [InlineData("1.5")]
    [InlineData("\u0661\u0665\u0667")]
    public void TryParse_AnythingElse_IsRejected(string? text)
    {
        Assert.False(RoomId.TryParse(text, out _));
    }

    [Theory]
    [InlineData(157, "00157")]
    [InlineData(0, "00000")]
    [InlineData(99999, "99999")]
    public void TryFromNumber_InRange_GivesCanonicalText(long number, string canonical)
    {
        Assert.True(RoomId.TryFromNumber(number, out var id));
        Assert.Equal(canonical, id.ToString());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100000)]
    [InlineData(long.MaxValue)]
    public void TryFromNumber_OutOfRange_IsRejected(long number)
    {
        Assert.False(RoomId.TryFromNumber(number, out _));
    }

    [Fact]
    public void StringAndNumberForms_AreTheSameRoom()
    {
        RoomId.TryParse("00157", out var fromText);
        RoomId.TryFromNumber(157, out var fromNumber);
        Assert.Equal(fromText, fromNumber);
    }
}
