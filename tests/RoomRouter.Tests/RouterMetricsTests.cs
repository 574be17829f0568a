using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using AvatarStream.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace AvatarStream.RoomRouter.Tests;

public class RouterMetricsTests
{
    [Fact]
    public async Task JoinRoom_BarredAndEndedRefusals_AreCountedByOutcome()
    {
        await using var app = new RouterApplication();
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        using var internalClient = app.CreateInternalClient();
        var answers = new ConcurrentQueue<(string? Call, string? Outcome)>();
        using var listener = Listen(app.Services.GetRequiredService<IMeterFactory>(), answers);
        var room = await client.PostAsync("/create-room", null).ReadTicketAsync();
        var guest = await client.PostAsJsonAsync("/join-room", new { room_id = room.RoomId }).ReadTicketAsync();
        await internalClient.PostAsJsonAsync("/remove-client", new RemoveClientRequest(room.RoomId, guest.ClientId, DepartureReasons.Removed), ContractJson.Options);

        await client.PostAsJsonAsync("/join-room", new { room_id = room.RoomId, client_id = guest.ClientId });
        await internalClient.PostAsJsonAsync("/end-room", new EndRoomRequest(room.RoomId), ContractJson.Options);
        await client.PostAsJsonAsync("/join-room", new { room_id = room.RoomId });

        Assert.Equal(
            [("create-room", "None"), ("join-room", "None"), ("join-room", "Barred"), ("join-room", "RoomEnded")],
            answers);
    }

    [Fact]
    public async Task AMove_CountsTheRoomAndTheDrain_AndTimesTheWaitFromTheDrain()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new RouterApplication { Clock = clock };
        await app.AnnounceBootAsync("stream-1", "boot-1");
        using var client = app.CreateClient();
        var room = await client.PostAsync("/create-room", null).ReadTicketAsync();
        var measured = new ConcurrentQueue<(string Name, double Value)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == app.Services.GetRequiredService<IMeterFactory>()
                    && instrument.Name is "avatarstream.router.rooms_moved" or "avatarstream.router.move_wait" or "avatarstream.router.drains")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => measured.Enqueue((instrument.Name, value)));
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => measured.Enqueue((instrument.Name, value)));
        listener.Start();

        await app.PostInternalAsync("/drain-instance", new DrainInstanceRequest("stream-1", "boot-1"));
        await app.AnnounceBootAsync("stream-2", "boot-2");
        clock.Advance(TimeSpan.FromSeconds(3));
        await client.PostAsJsonAsync("/join-room", new { room_id = room.RoomId, client_id = room.ClientId }).ReadTicketAsync();

        Assert.Equal(
            [("avatarstream.router.drains", 1), ("avatarstream.router.rooms_moved", 1), ("avatarstream.router.move_wait", 3)],
            measured);
    }

    // Records every create-room and join-room answer of this app's meters only (tests run side by side).
    private static MeterListener Listen(IMeterFactory meters, ConcurrentQueue<(string? Call, string? Outcome)> answers)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == meters && instrument.Name == "avatarstream.router.requests")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            string? call = null, outcome = null;
            foreach (var tag in tags)
            {
                call = tag.Key == "call" ? tag.Value as string : call;
                outcome = tag.Key == "outcome" ? tag.Value as string : outcome;
            }

            answers.Enqueue((call, outcome));
        });
        listener.Start();
        return listener;
    }
}
