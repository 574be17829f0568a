using Microsoft.Playwright;

namespace AvatarStream.Web.Tests;

// The page at / against the real system: rooms, relay video, avatar poses, a full room, resume and restarts.
[Collection(BrowserCollection.Name)]
public sealed class RoomPageTests(BrowserFixture fixture) : PageTestBase(fixture)
{
    [Fact]
    public async Task Loading_the_page_and_joining_a_room_breaks_no_content_security_policy()
    {
        var violations = new List<string>();
        var alice = await OpenAsync(violations: violations);
        var (_, invite) = await CreateRoomAsync(alice, "Alice");
        var bob = await OpenAsync(invite, violations: violations);
        await JoinByLinkAsync(bob, "Bob", mode: "avatar");
        await bob.WaitForSelectorAsync("body[data-state=live]");
        await WaitForRemoteCounterAsync(bob, "frames", 2);
        await bob.FocusAsync(".tile.self canvas");
        await bob.Keyboard.PressAsync("ArrowRight");
        await WaitForRemoteCounterAsync(alice, "poses", 1);

        foreach (var page in new[] { alice, bob })
        {
            violations.AddRange(await page.EvaluateAsync<string[]>("() => window.cspViolations"));
        }

        Assert.Empty(violations);
    }

    [Fact]
    public async Task Two_members_with_cameras_each_see_the_others_frames_on_the_relay()
    {
        var alice = await OpenAsync();
        var (roomId, invite) = await CreateRoomAsync(alice, "Alice");

        var bob = await OpenAsync(invite);
        Assert.Equal(roomId, await bob.InputValueAsync("#room-input"));
        await JoinByLinkAsync(bob, "Bob");
        await bob.WaitForSelectorAsync("body[data-state=live]");

        await WaitForRemoteCounterAsync(alice, "frames", 5);
        await WaitForRemoteCounterAsync(bob, "frames", 5);
        await WaitForRemoteCounterAsync(alice, "drawn", 3);

        Assert.Equal(2, await alice.Locator(".tile").CountAsync());
        Assert.Equal(2, await bob.Locator(".tile").CountAsync());
        await alice.WaitForSelectorAsync("#members[data-count='2']");
        await Assertions.Expect(alice.Locator("#members")).ToContainTextAsync("Bob");
        await Assertions.Expect(bob.Locator("#members")).ToContainTextAsync("Alice");
        Assert.Equal("camera", await alice.GetAttributeAsync(".tile:not(.self)", "data-mode"));

        // The remote tile is keyed by the member number the server gave Bob, and the quality panel shows the path.
        Assert.Equal(await MemberNumberAsync(bob), await alice.GetAttributeAsync(".tile:not(.self)", "data-member"));
        await Assertions.Expect(alice.Locator("#q-path")).ToHaveTextAsync("relay");
        await alice.WaitForSelectorAsync("#q-rtt[data-value]:not([data-value=''])");

        // Beside the test binaries: a test run never changes a tracked file (docs/screenshot.png is copied from here).
        var screenshot = Path.Combine(AppContext.BaseDirectory, "room-page.png");
        await alice.ScreenshotAsync(new() { Path = screenshot });
        Assert.True(new FileInfo(screenshot).Length > 0);
    }

    [Fact]
    public async Task Avatar_mode_works_with_the_camera_denied_and_its_poses_reach_the_other_member()
    {
        var carol = await OpenAsync(cameraFails: true);
        var (_, invite) = await CreateRoomAsync(carol, "Carol", mode: "camera");

        // The denied camera is explained in plain words and the page falls back to the avatar.
        await carol.WaitForSelectorAsync("#error[data-code=camera-denied]");
        await Assertions.Expect(carol.Locator("#error")).ToContainTextAsync("Camera access was denied");
        await carol.WaitForSelectorAsync("body[data-mode=avatar]");

        var dave = await OpenAsync(invite);
        await JoinByLinkAsync(dave, "Dave", mode: "avatar");
        await dave.WaitForSelectorAsync("body[data-state=live]");
        await carol.WaitForSelectorAsync("#members[data-count='2']");

        // Keyboard: focus the own tile and move the avatar.
        await carol.FocusAsync(".tile.self canvas");
        for (var i = 0; i < 5; i++)
        {
            await carol.Keyboard.PressAsync("ArrowRight");
        }

        // Pose messages are throttled (about 15 a second), so several key presses may arrive as fewer poses;
        // what must arrive is the moved position.
        await WaitForRemoteCounterAsync(dave, "poses", 1);
        await dave.WaitForFunctionAsync(
            "() => Number(document.querySelector('.tile:not(.self)')?.dataset.poseX) >= 0.6");
        Assert.Equal("avatar", await dave.GetAttributeAsync(".tile:not(.self)", "data-mode"));
        Assert.Equal("0", await dave.GetAttributeAsync(".tile:not(.self)", "data-frames"));
        await WaitForRemoteCounterAsync(carol, "poses", 1); // and the other way round
    }

    [Fact]
    public async Task A_full_room_says_so()
    {
        var erin = await OpenAsync();
        var (_, invite) = await CreateRoomAsync(erin, "Erin", mode: "avatar", maxPeople: 2);
        var frank = await OpenAsync(invite);
        await JoinByLinkAsync(frank, "Frank", mode: "avatar");
        await frank.WaitForSelectorAsync("body[data-state=live]");

        var grace = await OpenAsync(invite);
        await JoinByLinkAsync(grace, "Grace", mode: "avatar");
        await grace.WaitForSelectorAsync("#error[data-code=room-full]");
        await Assertions.Expect(grace.Locator("#error")).ToContainTextAsync("This room is full");
        Assert.True(await grace.IsVisibleAsync("#start"));
    }

    [Fact]
    public async Task An_unknown_room_says_so()
    {
        var page = await OpenAsync("/?room=99998");
        await JoinByLinkAsync(page, "Heidi", mode: "avatar");
        await page.WaitForSelectorAsync("#error[data-code=room-not-found]");
        await Assertions.Expect(page.Locator("#error")).ToContainTextAsync("no room with that id");
    }

    [Fact]
    public async Task Bad_room_options_are_refused_with_a_plain_message_before_anything_is_created()
    {
        var page = await OpenAsync();
        await page.ClickAsync("details.options summary");
        await page.FillAsync("#opt-max", "0");
        await page.ClickAsync("#create");
        await page.WaitForSelectorAsync("#error[data-code=bad-options]");
        await Assertions.Expect(page.Locator("#error")).ToContainTextAsync("at least 1");
        Assert.True(await page.IsVisibleAsync("#start"));
    }

    [Fact]
    public async Task A_dropped_socket_resumes_without_the_others_seeing_a_leave_and_media_flows_again()
    {
        var (ivan, judy, roomId) = await HostAndAvatarGuestLiveAsync("Ivan", "Judy");
        var ivanNumber = await MemberNumberAsync(ivan);

        await ivan.EvaluateAsync("() => window.avatarStream.dropConnection()");
        await ivan.WaitForSelectorAsync("body[data-state=reconnecting]");
        await ivan.WaitForSelectorAsync("body[data-state=live]");

        // Resumed with the secret (not a new seat): the same member number, and Judy saw no one leave.
        await ivan.WaitForSelectorAsync("body[data-resumes='1']");
        Assert.Equal(ivanNumber, await MemberNumberAsync(ivan));
        Assert.Equal(roomId, await ivan.GetAttributeAsync("#room-id", "data-room"));
        await judy.WaitForSelectorAsync($"#members li[data-member='{ivanNumber}'][data-state=connected]");
        var before = await CounterAsync(judy, ".tile:not(.self)", "data-frames");
        await WaitForRemoteCounterAsync(judy, "frames", before + 3);
        Assert.Null(await judy.GetAttributeAsync("body", "data-members-left"));
        Assert.Equal("2", await judy.GetAttributeAsync("#members", "data-count"));
    }

    [Fact]
    public async Task After_the_whole_system_restarts_both_members_of_a_full_room_come_back_with_their_own_seats()
    {
        // The room holds two members, so a reconnect that took a new seat would find the room full.
        var (kim, lee, _) = await HostAndAvatarGuestLiveAsync("Kim", "Lee", maxPeople: 2);

        await Fixture.Host.RestartAsync();

        foreach (var page in new[] { kim, lee })
        {
            await page.WaitForSelectorAsync("body[data-state=live]", new() { Timeout = 60_000 });
        }

        await lee.WaitForSelectorAsync("#members[data-count='2']");
        var before = await CounterAsync(lee, ".tile:not(.self)", "data-frames");
        await WaitForRemoteCounterAsync(lee, "frames", before + 3);
    }

    [Fact]
    public async Task The_room_fits_a_phone_sized_screen()
    {
        var page = await OpenAsync(phone: true);
        await CreateRoomAsync(page, "Mallory", mode: "avatar");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        Assert.True(await page.IsVisibleAsync("#leave"));
    }
}
