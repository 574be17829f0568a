using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Core.Rooms;
using AvatarStream.RoomRouter.Rooms;

namespace AvatarStream.RoomRouter.Tests;

// Core cannot reference Contracts, so RoomId keeps its own parser; these pin it to the shared definition.
public class IdentifierAgreementTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("157")]
    [InlineData("00157")]
    [InlineData("99999")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("100000")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData(" 157")]
    [InlineData("15a")]
    [InlineData("١٥٧")]
    public void RoomIdParsing_AcceptsExactlyTheSharedRoomIds(string? text) =>
        Assert.Equal(Identifiers.IsRoomId(text), RoomId.TryParse(text, out _));

    [Theory]
    [InlineData("3f2504e0-4f89-41d3-9a0c-0305e82c3301")]
    [InlineData("3F2504E0-4F89-41D3-9A0C-0305E82C3301")]
    [InlineData("3f2504e04f8941d39a0c0305e82c3301")]
    [InlineData("{3f2504e0-4f89-41d3-9a0c-0305e82c3301}")]
    [InlineData("c1")]
    [InlineData("")]
    [InlineData(null)]
    public void ClientIdNormalizing_AcceptsExactlyTheSharedClientIds(string? text) =>
        Assert.Equal(Identifiers.IsClientId(text), ClientIds.TryNormalize(text, out _));
}
