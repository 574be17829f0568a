using System.Buffers.Binary;
using System.Text.Json;
using AvatarStream.Client;
using AvatarStream.Client.Messages;

namespace AvatarStream.EndToEnd.Tests.ProtocolV2;

// Through the room router and the development sidecars to a stream instance, with the client library.
[Collection(nameof(V2SystemCollection))]
public sealed class PresenceTests(V2System system)
{
    [Fact]
    public async Task TheHostsWelcomeThenASecondAndThirdMemberWithTheDeltasEachSees()
    {
        var hostTicket = await system.Router.CreateRoomAsync(name: "Ada");
        Assert.Equal("host", hostTicket.Role);
        Assert.Equal(["avatar-stream.v2", "avatar-stream.v1"], hostTicket.Protocols);
        await using var host = await TestMember.ConnectAsync(hostTicket);
        var welcome = await host.NextAsync<Welcome>();
        Assert.Equal((1, "host", "Ada"), (welcome.You.Member, welcome.You.Role, welcome.You.Name));
        Assert.Equal(hostTicket.RoomId, welcome.Room.Id);
        Assert.True(welcome.Room.HostPresent);
        Assert.Equal(0, welcome.Seq);
        Assert.Single(welcome.Members);

        var bobTicket = await system.Router.JoinRoomAsync(hostTicket.RoomId, key: hostTicket.JoinKey, name: "Bob");
        Assert.Equal("guest", bobTicket.Role);
        await using var bob = await TestMember.ConnectAsync(bobTicket);
        var bobWelcome = await bob.NextAsync<Welcome>();
        Assert.Equal([1, 2], bobWelcome.Members.Select(m => m.Member));
        var joined = await host.NextAsync<MemberJoined>();
        Assert.Equal((2, "Bob", "guest", "connected", 1L), (joined.Member, joined.Name, joined.Role, joined.State, joined.Seq));

        await using var carol = await TestMember.ConnectAsync(await system.Router.JoinRoomAsync(hostTicket.RoomId, key: hostTicket.JoinKey, name: "Carol"));
        Assert.Equal(3, (await carol.NextAsync<Welcome>()).You.Member);
        Assert.Equal((3, 2L), ((await host.NextAsync<MemberJoined>()).Member, host.Connection.LastSeq));
        Assert.Equal(3, (await bob.NextAsync<MemberJoined>()).Member);

        await bob.SendAsync(new SetMeta(JsonDocument.Parse("""{"hand":true}""").RootElement));
        var atHost = await host.NextAsync<MemberUpdated>();
        var atCarol = await carol.NextAsync<MemberUpdated>();
        Assert.True(atHost.Meta!.Value.GetProperty("hand").GetBoolean());
        Assert.Equal((2, 3L, 1L), (atCarol.Member, atHost.Seq, atCarol.Seq));
    }

    [Fact]
    public async Task MediaArrivesStampedWithItsSenderAndTargetedDataOnlyAtItsAddressee()
    {
        var (host, bob, carol) = await RoomOfThreeAsync();
        await using var _ = host;
        await using var __ = bob;
        await using var ___ = carol;

        // Bob forges a header naming the host in front of his payload; it arrives stamped as Bob's anyway.
        byte[] forged = [1, 0, 0, 1, 9, 9];
        await bob.Connection.SendMediaAsync(MediaKind.Video, 0, forged);
        var frame = await host.NextMediaAsync();
        Assert.Equal((MediaKind.Video, (byte)0, 2), (frame.Kind, frame.Layer, frame.Sender));
        Assert.Equal(forged, frame.Payload.ToArray());

        await host.SendAsync(new SendData(JsonDocument.Parse("\"for carol\"").RootElement, [3]));
        await host.SendAsync(new SendData(JsonDocument.Parse("\"for all\"").RootElement));
        var atCarol = await carol.NextAsync<DataReceived>();
        Assert.Equal((1, "for carol"), (atCarol.From, atCarol.Data.GetString()));
        Assert.Equal("for all", (await carol.NextAsync<DataReceived>()).Data.GetString());
        Assert.Equal("for all", (await bob.NextAsync<DataReceived>()).Data.GetString());
    }

    [Fact]
    public async Task SubscriptionsAndLayersDecideWhichVideoArrivesAndAudioAlwaysDoes()
    {
        var (host, bob, carol) = await RoomOfThreeAsync();
        await using var _ = host;
        await using var __ = bob;
        await using var ___ = carol;
        Assert.Contains(bob.Seen, message => message is LayersWanted { Layers: [0] });

        // Carol wants Bob at the high layer and nobody else; the host keeps the default (everyone at layer 0).
        await carol.SendAsync(Subscribe.ToFeeds(new Feed(2, 2)));
        Assert.Equal([0, 2], (await bob.NextAsync<LayersWanted>()).Layers);

        // The host's video is not for Carol, its audio is. Had the video been routed to her, it would be queued
        // before anything Bob sends after this, so her next video frame shows it was not.
        await host.Connection.SendMediaAsync(MediaKind.Video, 0, Marker(1));
        await host.Connection.SendMediaAsync(MediaKind.Audio, 0, Marker(2));
        var audio = await carol.NextMediaAsync();
        Assert.Equal((MediaKind.Audio, 1, 2), (audio.Kind, audio.Sender, Mark(audio)));

        // Layers 0 and 1 of Bob are not for Carol; layer 2 is. One sender's video keeps its order.
        await bob.Connection.SendMediaAsync(MediaKind.Video, 0, Marker(10));
        await bob.Connection.SendMediaAsync(MediaKind.Video, 1, Marker(11));
        await bob.Connection.SendMediaAsync(MediaKind.Video, 2, Marker(12));
        var video = await carol.NextMediaAsync();
        Assert.Equal((MediaKind.Video, 2, 2, 12), (video.Kind, video.Sender, (int)video.Layer, Mark(video)));
        var atHost = await host.NextMediaAsync();
        Assert.Equal((2, 0, 10), (atHost.Sender, (int)atHost.Layer, Mark(atHost)));
    }

    internal static byte[] Marker(int value)
    {
        var payload = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(payload, value);
        return payload;
    }

    private static int Mark(MediaFrame frame) => BinaryPrimitives.ReadInt32BigEndian(frame.Payload.Span);

    private async Task<(TestMember Host, TestMember Bob, TestMember Carol)> RoomOfThreeAsync()
    {
        var ticket = await system.Router.CreateRoomAsync();
        var host = await TestMember.ConnectAsync(ticket);
        await host.NextAsync<Welcome>();
        var bob = await TestMember.ConnectAsync(await system.Router.JoinRoomAsync(ticket.RoomId, key: ticket.JoinKey, name: "Bob"));
        await bob.NextAsync<Welcome>();
        var carol = await TestMember.ConnectAsync(await system.Router.JoinRoomAsync(ticket.RoomId, key: ticket.JoinKey, name: "Carol"));
        await carol.NextAsync<Welcome>();
        await host.NextAsync<MemberJoined>();
        await host.NextAsync<MemberJoined>();
        await bob.NextAsync<MemberJoined>();
        return (host, bob, carol);
    }
}
