using Microsoft.Playwright;

namespace AvatarStream.Web.Tests;

// The page at / against the real system: rooms, camera frames, avatar poses, a full room.
[Collection(BrowserCollection.Name)]
public sealed class RoomPageTests(BrowserFixture fixture) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly List<IBrowserContext> _contexts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
    }

    private async Task<IPage> OpenAsync(string path = "/", bool cameraFails = false, List<string>? violations = null)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Host.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1100, Height = 720 },
            Permissions = cameraFails ? [] : ["camera"],
        });
        _contexts.Add(context);
        if (cameraFails)
        {
            // The user said no: getUserMedia rejects the way a denied prompt does.
            await context.AddInitScriptAsync("""
                navigator.mediaDevices.getUserMedia = () =>
                  Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
                """);
        }

        if (violations is not null)
        {
            // Violations show both as events in the page and as console errors; collect either.
            await context.AddInitScriptAsync("""
                window.cspViolations = [];
                document.addEventListener('securitypolicyviolation',
                  (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
                """);
        }

        var page = await context.NewPageAsync();
        if (violations is not null)
        {
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                {
                    lock (violations)
                    {
                        violations.Add(message.Text);
                    }
                }
            };
        }

        page.SetDefaultTimeout((float)Patience.TotalMilliseconds);
        await page.GotoAsync(path);
        await page.WaitForSelectorAsync("body[data-ready=true]");
        return page;
    }

    // A room created by host, joined by its link as an avatar by guest, with the host's frames reaching the guest.
    private async Task<(IPage Host, IPage Guest, string RoomId)> HostAndAvatarGuestLiveAsync(string host, string guest)
    {
        var hostPage = await OpenAsync();
        var (roomId, invite) = await CreateRoomAsync(hostPage, host);
        var guestPage = await OpenAsync(invite);
        await JoinByLinkAsync(guestPage, guest, mode: "avatar");
        await guestPage.WaitForSelectorAsync("body[data-state=live]");
        await WaitForRemoteCounterAsync(guestPage, "frames", 2);
        return (hostPage, guestPage, roomId);
    }

    // The room id, and the invite link path the page shows (its key in the fragment).
    private static async Task<(string RoomId, string Invite)> CreateRoomAsync(IPage page, string name, string mode = "camera")
    {
        await page.GetByLabel("Your name").FillAsync(name);
        await page.CheckAsync($"input[name=mode][value={mode}]");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create a room" }).ClickAsync();
        await page.WaitForSelectorAsync("body[data-state=live]");
        var roomId = await page.GetAttributeAsync("#room-id", "data-room");
        var invite = await page.GetAttributeAsync("#room-id", "data-invite");
        Assert.False(string.IsNullOrEmpty(roomId));
        Assert.Matches("#key=[A-Za-z0-9_-]{22}$", invite);
        return (roomId!, new Uri(invite!).PathAndQuery + new Uri(invite!).Fragment);
    }

    private static async Task JoinByLinkAsync(IPage page, string name, string mode = "camera")
    {
        await page.GetByLabel("Your name").FillAsync(name);
        await page.CheckAsync($"input[name=mode][value={mode}]");
        await page.ClickAsync("#join");
    }

    // Waits until a remote tile's counter reaches at least count.
    private static Task WaitForRemoteCounterAsync(IPage page, string counter, int count) =>
        page.WaitForFunctionAsync(
            "([counter, count]) => [...document.querySelectorAll('.tile:not(.self)')].some(t => Number(t.dataset[counter]) >= count)",
            new object[] { counter, count });

    [Fact]
    public async Task Loading_the_page_and_joining_a_room_breaks_no_content_security_policy()
    {
        var violations = new List<string>();
        var alice = await OpenAsync(violations: violations);
        var (roomId, invite) = await CreateRoomAsync(alice, "Alice");
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
    public async Task Two_members_with_cameras_each_see_the_others_frames()
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

        // Beside the test binaries: a test run never changes a tracked file (docs/screenshot.png is copied from here).
        var screenshot = Path.Combine(AppContext.BaseDirectory, "room-page.png");
        await alice.ScreenshotAsync(new() { Path = screenshot });
        Assert.True(new FileInfo(screenshot).Length > 0);
    }

    [Fact]
    public async Task Avatar_mode_works_with_the_camera_denied_and_its_poses_reach_the_other_member()
    {
        var carol = await OpenAsync(cameraFails: true);
        var (roomId, invite) = await CreateRoomAsync(carol, "Carol", mode: "camera");

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
        var (roomId, invite) = await CreateRoomAsync(erin, "Erin", mode: "avatar");
        var frank = await OpenAsync(invite);
        await JoinByLinkAsync(frank, "Frank", mode: "avatar");
        await frank.WaitForSelectorAsync("body[data-state=live]");

        var grace = await OpenAsync(invite);
        await JoinByLinkAsync(grace, "Grace", mode: "avatar");
        await grace.WaitForSelectorAsync("#error[data-code=room-full]");
        await Assertions.Expect(grace.Locator("#error")).ToContainTextAsync("This room is full");
        Assert.True(await grace.IsVisibleAsync("#lobby"));
    }

    [Fact]
    public async Task A_room_id_without_its_invite_key_gets_no_seat_and_says_why()
    {
        var host = await OpenAsync();
        var (roomId, _) = await CreateRoomAsync(host, "Olga", mode: "avatar");

        var page = await OpenAsync($"/?room={roomId}");
        await JoinByLinkAsync(page, "Mallory", mode: "avatar");

        await page.WaitForSelectorAsync("#error[data-code=needs-invite]");
        Assert.True(await page.IsVisibleAsync("#lobby"));
        Assert.Equal("idle", await page.GetAttributeAsync("body", "data-state"));
    }

    [Fact]
    public async Task An_unknown_room_says_so()
    {
        var page = await OpenAsync("/?room=99998");
        await JoinByLinkAsync(page, "Heidi", mode: "avatar");
        await page.WaitForSelectorAsync("#error:not([hidden])");
        await Assertions.Expect(page.Locator("#error")).ToContainTextAsync("room");
    }

    [Fact]
    public async Task After_an_unexpected_close_the_page_reconnects_and_media_flows_again()
    {
        var (ivan, judy, roomId) = await HostAndAvatarGuestLiveAsync("Ivan", "Judy");

        await ivan.EvaluateAsync("() => window.avatarStream.dropConnection()");
        await ivan.WaitForSelectorAsync("body[data-state=reconnecting]");
        await ivan.WaitForSelectorAsync("body[data-state=live]");

        var before = int.Parse(await judy.GetAttributeAsync(".tile:not(.self)", "data-frames") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        await WaitForRemoteCounterAsync(judy, "frames", before + 3);
        Assert.Equal(roomId, await ivan.GetAttributeAsync("#room-id", "data-room"));
    }

    [Fact]
    public async Task After_the_whole_system_restarts_both_members_of_a_full_room_come_back_with_their_own_seats()
    {
        // Rooms hold two members here, so a reconnect that took a new seat would find the room full.
        var (kim, lee, roomId) = await HostAndAvatarGuestLiveAsync("Kim", "Lee");
        var kimId = await kim.GetAttributeAsync("body", "data-client-id");
        var leeId = await lee.GetAttributeAsync("body", "data-client-id");

        await fixture.Host.RestartAsync();

        foreach (var page in new[] { kim, lee })
        {
            await page.WaitForSelectorAsync("body[data-state=live]", new() { Timeout = 60_000 });
        }

        Assert.Equal(kimId, await kim.GetAttributeAsync("body", "data-client-id"));
        Assert.Equal(leeId, await lee.GetAttributeAsync("body", "data-client-id"));
        var before = int.Parse(await lee.GetAttributeAsync(".tile:not(.self)", "data-frames") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        await WaitForRemoteCounterAsync(lee, "frames", before + 3);
    }

    [Fact]
    public async Task The_room_fits_a_phone_sized_screen()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Host.BaseUrl,
            ViewportSize = new ViewportSize { Width = 375, Height = 740 },
            IsMobile = true,
            HasTouch = true,
        });
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout((float)Patience.TotalMilliseconds);
        await page.GotoAsync("/");
        await CreateRoomAsync(page, "Mallory", mode: "avatar");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        Assert.True(await page.IsVisibleAsync("#leave"));
    }
}
