using System.Text;
using System.Text.Json;
using AvatarStream.RoomRouter.Endpoints;
using AvatarStream.Testing.Fuzzing;
using CsCheck;

namespace AvatarStream.RoomRouter.Tests.Fuzz;

// The body readers on their own, on generated JSON objects as JsonBody admits them: they never throw, a refusal says why, and what they
// accept is canonical, so reading it back gives the same body.
public sealed class BodyReaderProperties
{
    private const int Bodies = 3000;
    private const int ServerClientLimit = 50;

    private static readonly Gen<JsonElement> Objects = FuzzJson
        .ObjectOf(["name", "lobby", "join_window_seconds", "max_clients", "room_id", "client_id", "key"], "00157", "157", "6f1c0a52-1b7e-4a3c-9d3e-0c2b5a7e9f10")
        .Select(ParseOrEmpty);

    [Fact]
    public void CreateRoomBody_NeverThrows_AndWhatItAcceptsIsCanonical()
    {
        var accepted = 0;
        FuzzCases.Check(
            Objects,
            Bodies,
            body =>
            {
                if (CreateRoomBody.Read(body, ServerClientLimit, out var error) is not { } create)
                {
                    Assert.False(string.IsNullOrWhiteSpace(error));
                    return;
                }

                AssertCanonicalName(create.Name);
                Assert.True(create.JoinWindowSeconds is null or >= 1 and <= CreateRoomBody.MaxJoinWindowSeconds);
                Assert.True(create.MaxClients is null or >= 1 and <= ServerClientLimit);
                var again = JsonSerializer.SerializeToElement(new
                {
                    name = create.Name, lobby = create.Lobby, join_window_seconds = create.JoinWindowSeconds, max_clients = create.MaxClients,
                });
                Assert.Equal(create, CreateRoomBody.Read(again, ServerClientLimit, out _));
                accepted++;
            },
            body => body.GetRawText());

        // Enough bodies get past the reader for the checks of what it accepts to be met.
        Assert.InRange(accepted, Bodies / 50, Bodies);
    }

    [Fact]
    public void JoinRoomBody_NeverThrows_AndWhatItAcceptsIsCanonical()
    {
        var accepted = 0;
        FuzzCases.Check(
            Objects,
            Bodies,
            body =>
            {
                if (JoinRoomBody.Read(body, out var error) is not { } join)
                {
                    Assert.False(string.IsNullOrWhiteSpace(error));
                    return;
                }

                Assert.Matches("^[0-9]{5}$", join.RoomId);
                Assert.Equal(join.RoomId, join.Room.ToString());
                Assert.True(join.ClientId is null || join.ClientId == Guid.Parse(join.ClientId).ToString("D"), join.ClientId);
                AssertCanonicalName(join.Name);
                Assert.True(join.Key is null or { Length: > 0 });
                var again = JsonSerializer.SerializeToElement(new { room_id = join.RoomId, client_id = join.ClientId, name = join.Name, key = join.Key });
                Assert.Equal(join, JoinRoomBody.Read(again, out _));
                accepted++;
            },
            body => body.GetRawText());

        // Enough bodies get past the reader for the checks of what it accepts to be met.
        Assert.InRange(accepted, Bodies / 50, Bodies);
    }

    private static void AssertCanonicalName(string name)
    {
        Assert.Equal(name.Trim(), name);
        Assert.InRange(name.Length, 1, 40);
        Assert.DoesNotContain(name, char.IsControl);
    }

    // What JsonBody admits reaches the readers; anything else reads as {}.
    private static JsonElement ParseOrEmpty(string json) =>
        JsonBody.Parse(Encoding.UTF8.GetBytes(json)) is (var root, null) ? root : JsonSerializer.SerializeToElement(new { });
}
