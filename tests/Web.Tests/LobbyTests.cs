using Microsoft.Playwright;

namespace AvatarStream.Web.Tests;

// The lobby and the join window: knocking guests wait, hosts admit or deny them, late joiners are refused.
[Collection(BrowserCollection.Name)]
public sealed class LobbyTests(BrowserFixture fixture) : PageTestBase(fixture)
{
    [Fact]
    public async Task A_guest_without_the_key_waits_the_host_admits_them_and_a_second_guest_is_denied()
    {
        var host = await OpenAsync();
        var (roomId, _) = await CreateRoomAsync(host, "Vera", mode: "avatar");

        // A room id typed alone knocks: the page waits in the lobby.
        var walt = await OpenAsync($"/?room={roomId}");
        await JoinByLinkAsync(walt, "Walt", mode: "avatar");
        await walt.WaitForSelectorAsync("body[data-state=waiting]");
        await Assertions.Expect(walt.Locator("#waiting-text")).ToContainTextAsync("Waiting for the host to let you in");

        await host.WaitForSelectorAsync("#knock-count[data-count='1']");
        await Assertions.Expect(host.Locator("#knocks")).ToContainTextAsync("Walt");
        await host.ClickAsync("#knocks li button[data-action=admit]");

        await walt.WaitForSelectorAsync("body[data-state=live]");
        await walt.WaitForSelectorAsync("#members[data-count='2']");
        await host.WaitForSelectorAsync("#members[data-count='2']");
        await host.WaitForSelectorAsync("#knocks-panel[hidden]", new() { State = WaitForSelectorState.Attached });

        var xena = await OpenAsync($"/?room={roomId}");
        await JoinByLinkAsync(xena, "Xena", mode: "avatar");
        await xena.WaitForSelectorAsync("body[data-state=waiting]");
        await host.WaitForSelectorAsync("#knock-count[data-count='1']");
        await host.ClickAsync("#knocks li button[data-action=deny]");

        await xena.WaitForSelectorAsync("#ended[data-code=denied]:not([hidden])");
        await Assertions.Expect(xena.Locator("#ended-text")).ToContainTextAsync("The host did not let you in");
        await host.WaitForSelectorAsync("#knock-count[data-count='0']", new() { State = WaitForSelectorState.Attached });
        Assert.Equal("2", await host.GetAttributeAsync("#members", "data-count"));
    }

    [Fact]
    public async Task In_a_room_with_a_lobby_an_admitted_guest_who_reloads_comes_straight_back_in()
    {
        var host = await OpenAsync();
        var (_, invite) = await CreateRoomAsync(host, "Yara", mode: "avatar", lobby: true);
        await host.WaitForSelectorAsync("#room[data-locked=true]");

        // Even with the invite link, a locked room holds the guest in the lobby.
        var zoe = await OpenAsync(invite);
        await JoinByLinkAsync(zoe, "Zoe", mode: "avatar");
        await zoe.WaitForSelectorAsync("body[data-state=waiting]");
        await host.WaitForSelectorAsync("#knock-count[data-count='1']");
        await host.ClickAsync("#knocks li button[data-action=admit]");
        await zoe.WaitForSelectorAsync("body[data-state=live]");
        var number = await MemberNumberAsync(zoe);

        await zoe.ReloadAsync();
        await zoe.WaitForSelectorAsync("body[data-ready=true]");
        await zoe.WaitForSelectorAsync("body[data-state=live]");

        Assert.Equal(number, await MemberNumberAsync(zoe));
        await zoe.WaitForSelectorAsync("#members[data-count='2']");
        Assert.Equal("0", await host.GetAttributeAsync("#knock-count", "data-count"));
        await host.WaitForSelectorAsync($"#members li[data-member='{number}'][data-state=connected]");
    }

    [Fact]
    public async Task A_knocking_guest_in_a_room_whose_host_left_waits_with_a_plain_message()
    {
        var (host, _, roomId) = await HostAndAvatarGuestLiveAsync("Abe", "Bea");
        await host.ClickAsync("#leave");
        await host.WaitForSelectorAsync("#start:not([hidden])");

        // Bea, the guest left behind, becomes host only after the host's seat is gone; a knocker meanwhile may see
        // either answer, and must see one of the two plain sentences.
        var cal = await OpenAsync($"/?room={roomId}");
        await JoinByLinkAsync(cal, "Cal", mode: "avatar");
        await cal.WaitForSelectorAsync("body[data-state=waiting]");
        await Assertions.Expect(cal.Locator("#waiting-text")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Waiting for the host to let you in|The host is not here yet"));
    }

    [Fact]
    public async Task The_join_window_refuses_a_late_joiner_with_a_plain_message()
    {
        var host = await OpenAsync();
        var (_, invite) = await CreateRoomAsync(host, "Dina", mode: "avatar", joinWindowMinutes: "0.05");
        var closesAt = await host.GetAttributeAsync("#room-id", "data-join-closes-at");
        Assert.False(string.IsNullOrEmpty(closesAt));

        // Waits on the server's own deadline (about three seconds after creation), not on a guessed sleep. The welcome
        // writes it in whole seconds, cut down, so the real deadline is up to a second later than it reads.
        var late = await OpenAsync(invite);
        await late.WaitForFunctionAsync("(closes) => Date.now() > Date.parse(closes) + 1500", closesAt, new() { PollingInterval = 100 });
        await JoinByLinkAsync(late, "Eli", mode: "avatar");

        // Whatever the answer, wait for it, then say which it was.
        await late.WaitForSelectorAsync("#error:not([hidden]), body[data-state=live], body[data-state=waiting]");
        Assert.Equal("idle", await late.GetAttributeAsync("body", "data-state"));
        Assert.Equal("join-window-closed", await late.GetAttributeAsync("#error", "data-code"));
        await Assertions.Expect(late.Locator("#error")).ToContainTextAsync("no longer lets new people in");
        Assert.True(await late.IsVisibleAsync("#start"));
    }
}
