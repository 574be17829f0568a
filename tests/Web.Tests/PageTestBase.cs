using Microsoft.Playwright;

namespace AvatarStream.Web.Tests;

// What every page test does: open pages in their own browser contexts, create and join rooms through the page.
public abstract class PageTestBase(BrowserFixture fixture) : IAsyncLifetime
{
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // A direct pair's first try may not connect within the page's 10 s (p2p.js) on a loaded machine; the page relays the
    // pair meanwhile and tries again after 20 s (media.js), so a wait for the direct path covers one retry.
    protected static readonly TimeSpan DirectPathPatience = TimeSpan.FromSeconds(60);
    private readonly List<IBrowserContext> _contexts = [];

    protected BrowserFixture Fixture => fixture;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
    }

    // Waits for a page condition; on a timeout the message carries what every tile showed, to tell why.
    protected static async Task WaitForPageAsync(IPage page, string expression, TimeSpan patience, object? arg = null)
    {
        try
        {
            await page.WaitForFunctionAsync(expression, arg, new() { Timeout = (float)patience.TotalMilliseconds });
        }
        catch (TimeoutException e)
        {
            var tiles = await page.EvaluateAsync<string>(
                "() => JSON.stringify([...document.querySelectorAll('.tile')].map(t => ({ ...t.dataset })))");
            throw new TimeoutException($"{e.Message} Tiles: {tiles}", e);
        }
    }

    // media: query settings of the page's media (media-settings.js). The default keeps every pair on the relay, which
    // the relay tests watch; the peer-to-peer tests pass "" (the page's own limit) or "p2pmax=N". baseUrl: a local run
    // of the test's own instead of the shared one.
    protected async Task<IPage> OpenAsync(
        string path = "/", bool cameraFails = false, List<string>? violations = null, bool phone = false, string media = "p2p=0", string? baseUrl = null)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl ?? fixture.Host.BaseUrl,
            ViewportSize = phone ? new ViewportSize { Width = 375, Height = 740 } : new ViewportSize { Width = 1100, Height = 720 },
            IsMobile = phone,
            HasTouch = phone,
            Permissions = cameraFails ? [] : ["camera", "microphone"],
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
        await page.GotoAsync(WithQuery(path, media));
        await page.WaitForSelectorAsync("body[data-ready=true]");
        return page;
    }

    // Adds query parameters to a path that may carry a query and a fragment (an invite link's key).
    private static string WithQuery(string path, string query)
    {
        if (query.Length == 0)
        {
            return path;
        }

        var hash = path.IndexOf('#', StringComparison.Ordinal);
        var (head, fragment) = hash < 0 ? (path, "") : (path[..hash], path[hash..]);
        return head + (head.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query + fragment;
    }

    // Creates a room through the start screen and waits until it is live. Answers the room id and the invite link's
    // path (its key in the fragment).
    protected static async Task<(string RoomId, string Invite)> CreateRoomAsync(
        IPage page, string name, string mode = "camera", bool lobby = false, string? joinWindowMinutes = null, int? maxPeople = null)
    {
        await page.GetByLabel("Your name").FillAsync(name);
        await page.CheckAsync($"input[name=mode][value={mode}]");
        if (lobby || joinWindowMinutes is not null || maxPeople is not null)
        {
            await page.ClickAsync("details.options summary");
            if (lobby)
            {
                await page.CheckAsync("#opt-lobby");
            }

            if (joinWindowMinutes is not null)
            {
                await page.FillAsync("#opt-window", joinWindowMinutes);
            }

            if (maxPeople is { } max)
            {
                await page.FillAsync("#opt-max", max.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Create a room" }).ClickAsync();
        await page.WaitForSelectorAsync("body[data-state=live]");
        var roomId = await page.GetAttributeAsync("#room-id", "data-room");
        var invite = await page.GetAttributeAsync("#room-id", "data-invite");
        Assert.False(string.IsNullOrEmpty(roomId));
        Assert.Matches("#key=[A-Za-z0-9_-]{22}$", invite);
        return (roomId!, new Uri(invite!).PathAndQuery + new Uri(invite!).Fragment);
    }

    protected static async Task JoinByLinkAsync(IPage page, string name, string mode = "camera")
    {
        await page.GetByLabel("Your name").FillAsync(name);
        await page.CheckAsync($"input[name=mode][value={mode}]");
        await page.ClickAsync("#join");
    }

    // A room created by host, joined by its link as an avatar by guest, with the host's frames reaching the guest.
    protected async Task<(IPage Host, IPage Guest, string RoomId)> HostAndAvatarGuestLiveAsync(string host, string guest, int? maxPeople = null)
    {
        var hostPage = await OpenAsync();
        var (roomId, invite) = await CreateRoomAsync(hostPage, host, maxPeople: maxPeople);
        var guestPage = await OpenAsync(invite);
        await JoinByLinkAsync(guestPage, guest, mode: "avatar");
        await guestPage.WaitForSelectorAsync("body[data-state=live]");
        await WaitForRemoteCounterAsync(guestPage, "frames", 2);
        return (hostPage, guestPage, roomId);
    }

    // Waits until a remote tile's counter reaches at least count.
    protected static Task WaitForRemoteCounterAsync(IPage page, string counter, int count) =>
        page.WaitForFunctionAsync(
            "([counter, count]) => [...document.querySelectorAll('.tile:not(.self)')].some(t => Number(t.dataset[counter]) >= count)",
            new object[] { counter, count });

    // Our own member number, from the self tile.
    protected static async Task<string> MemberNumberAsync(IPage page)
    {
        await page.WaitForSelectorAsync(".tile.self[data-number]");
        return (await page.GetAttributeAsync(".tile.self", "data-number"))!;
    }

    protected static async Task<int> CounterAsync(IPage page, string selector, string attribute) =>
        int.Parse(await page.GetAttributeAsync(selector, attribute) ?? "0", System.Globalization.CultureInfo.InvariantCulture);
}
