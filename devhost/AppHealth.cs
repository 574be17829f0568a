namespace AvatarStream.DevHost;

/// <summary>Waits for apps to answer <c>GET /health</c>.</summary>
public static class AppHealth
{
    /// <summary>The apps that did not answer 200 within <paramref name="limit"/> (or before the run was stopped).</summary>
    public static async Task<IReadOnlyList<AppSpec>> WaitAsync(IReadOnlyList<AppSpec> apps, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        var waiting = apps.ToList();
        try
        {
            while (waiting.Count > 0)
            {
                var healthy = await Task.WhenAll(waiting.Select(app => IsHealthyAsync(http, app, deadline.Token)));
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

    private static async Task<bool> IsHealthyAsync(HttpClient http, AppSpec app, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(app.AppUrl + "/health"), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
