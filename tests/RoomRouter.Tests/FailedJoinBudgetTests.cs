using System.Globalization;
using System.Net;
using AvatarStream.RoomRouter.Endpoints;

namespace AvatarStream.RoomRouter.Tests;

// Joins of rooms that do not exist spend a low per-address budget; once it is spent, that address cannot join at all
// (not even a room it knows) until it refills, while other addresses join as usual.
public class FailedJoinBudgetTests
{
    private const string Guesser = "203.0.113.5";
    private const string Neighbour = "198.51.100.9";

    [Fact]
    public async Task UnknownRooms_SpendTheBudget_ThenEvenAValidJoinIs429_WhileAnotherAddressJoins()
    {
        await using var app = new RouterApplication(("RateLimits:FailedJoinsPerMinute", "1"), ("RateLimits:FailedJoinBurst", "3"));
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var room = await client.CreateRoomFromAsync(Neighbour).ReadTicketAsync();
        using var refusals = new RateLimitRefusals(app.Services);

        for (var i = 1; i <= 3; i++)
        {
            var guess = await client.JoinRoomFromAsync(OtherId(room.RoomId, i), Guesser);
            await ProblemAssert.IsProblemAsync(guess, HttpStatusCode.NotFound, RouterProblemTypes.RoomNotFound);
        }

        await RateLimitAssert.IsRateLimitedAsync(await client.JoinRoomFromAsync(room.RoomId, Guesser));
        Assert.Equal(HttpStatusCode.OK, (await client.JoinRoomFromAsync(room.RoomId, Neighbour)).StatusCode);
        Assert.Equal([AddressLimit.FailedJoin.Name], refusals.Limits);
    }

    [Fact]
    public async Task JoinsThatSucceed_SpendNothingOfIt()
    {
        await using var app = new RouterApplication(("RateLimits:FailedJoinsPerMinute", "1"), ("RateLimits:FailedJoinBurst", "1"));
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var room = await client.CreateRoomFromAsync(Guesser).ReadTicketAsync();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.JoinRoomFromAsync(room.RoomId, Guesser, key: room.JoinKey)).StatusCode);
        }

        await ProblemAssert.IsProblemAsync(await client.JoinRoomFromAsync(OtherId(room.RoomId, 1), Guesser), HttpStatusCode.NotFound, RouterProblemTypes.RoomNotFound);
        await RateLimitAssert.IsRateLimitedAsync(await client.JoinRoomFromAsync(room.RoomId, Guesser));
    }

    [Fact]
    public async Task KnockingSeats_SpendTheBudget_LikeFailedGuesses()
    {
        await using var app = new RouterApplication(("RateLimits:FailedJoinsPerMinute", "1"), ("RateLimits:FailedJoinBurst", "2"));
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var room = await client.CreateRoomFromAsync(Neighbour).ReadTicketAsync();

        for (var i = 0; i < 2; i++)
        {
            Assert.True((await client.JoinRoomFromAsync(room.RoomId, Guesser).ReadTicketAsync()).Knocking);
        }

        await RateLimitAssert.IsRateLimitedAsync(await client.JoinRoomFromAsync(room.RoomId, Guesser));
        Assert.Equal(HttpStatusCode.OK, (await client.JoinRoomFromAsync(room.RoomId, Neighbour, key: room.JoinKey)).StatusCode);
    }

    [Fact]
    public async Task AWrongKey_SpendsTheBudget()
    {
        await using var app = new RouterApplication(("RateLimits:FailedJoinsPerMinute", "1"), ("RateLimits:FailedJoinBurst", "1"));
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var room = await client.CreateRoomFromAsync(Neighbour).ReadTicketAsync();

        await ProblemAssert.IsProblemAsync(await client.JoinRoomFromAsync(room.RoomId, Guesser, key: "wrong-key"), HttpStatusCode.Forbidden, RouterProblemTypes.WrongJoinKey);

        await RateLimitAssert.IsRateLimitedAsync(await client.JoinRoomFromAsync(room.RoomId, Guesser, key: room.JoinKey));
    }

    [Fact]
    public void OnlyNotFoundAndAWrongKey_CountAsGuesses() =>
        Assert.Equal(
            [Rooms.RoomFailure.RoomNotFound, Rooms.RoomFailure.WrongJoinKey],
            Enum.GetValues<Rooms.RoomFailure>().Where(FailedJoinBudget.IsGuess));

    // A five-digit id that is not the room's, so it names no room in an app holding only that one.
    private static string OtherId(string roomId, int offset) =>
        ((int.Parse(roomId, CultureInfo.InvariantCulture) + offset) % 100_000).ToString("D5", CultureInfo.InvariantCulture);
}
