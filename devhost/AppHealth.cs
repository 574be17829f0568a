using AvatarStream.Contracts;

namespace AvatarStream.DevHost;

// Whether the apps are up: each answers GET /health, each sidecar is ready (its app's actor types registered), and the
// router lists every stream instance.
public static class AppHealth
{
    // Every app answers /health and the router lists every stream instance, so the status board comes after the
    // start-up lines rather than among them; whatever is late gets a warning line instead.
    public static async Task WaitUntilUpAsync(LocalTopology topology, string root, TimeSpan limit, CancellationToken stopping)
    {
        WarnLate(await WaitAsync(topology.Apps, limit, stopping), $"does not answer /health after {limit.TotalSeconds:0} s", stopping);

        // Until its sidecar has read /dapr/config, a call to the room actors finds no address: create-room would fail.
        WarnLate(await WaitAsync(topology.Apps, limit, stopping, app => app.SidecarHttpEndpoint + "/v1.0/healthz"), $"has no ready sidecar after {limit.TotalSeconds:0} s", stopping);
        using var instances = new RouterInstances(topology[DaprNames.RoomRouter], root);
        WarnLate(await instances.WaitForStreamsAsync(topology, limit, stopping), $"is not registered with the room router after {limit.TotalSeconds:0} s", stopping);
    }

    public static void WarnLate(IEnumerable<AppSpec> late, string what, CancellationToken stopping)
    {
        if (stopping.IsCancellationRequested)
        {
            return;
        }

        foreach (var app in late)
        {
            Console.WriteLine($"warning: {app.AppId} {what}");
        }
    }

    // The apps that did not answer 2xx on their /health (or on the URL probe names) within limit (or before the run was
    // stopped).
    public static async Task<IReadOnlyList<AppSpec>> WaitAsync(
        IReadOnlyList<AppSpec> apps, TimeSpan limit, CancellationToken cancellationToken, Func<AppSpec, string>? probe = null)
    {
        probe ??= app => app.AppUrl + "/health";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        var waiting = apps.ToList();
        try
        {
            while (waiting.Count > 0)
            {
                var healthy = await Task.WhenAll(waiting.Select(app => IsHealthyAsync(http, probe(app), deadline.Token)));
                waiting = waiting.Where((_, i) => !healthy[i]).ToList();
                if (waiting.Count > 0)
                {
                    await Task.Delay(200, deadline.Token);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        return waiting;
    }

    private static async Task<bool> IsHealthyAsync(HttpClient http, string url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(url), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
