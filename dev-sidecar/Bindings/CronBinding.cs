using AvatarStream.DevSidecar.App;

namespace AvatarStream.DevSidecar.Bindings;

// One cron input binding: asks the app once whether it serves the route (OPTIONS: 2xx or 405 = yes), then
// POSTs an empty JSON request on every tick, one at a time; a tick that comes while the previous POST still runs is
// skipped rather than queued.
public sealed class CronBinding(string name, string route, string scheduleText, BindingSchedule schedule, AppChannel channel, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan ProbeRetry = TimeSpan.FromMilliseconds(200);
    private const int ProbeAttempts = 25;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!await IsSubscribedAsync(cancellationToken))
        {
            return;
        }

        BindingLog.Subscribed(logger, name, route, scheduleText);
        while (schedule.NextAfter(time.GetUtcNow()) is { } next)
        {
            var wait = next - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }

            await FireAsync(cancellationToken);
        }
    }

    private async Task<bool> IsSubscribedAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var request = channel.CreateRequest(HttpMethod.Options, route);
                request.Content = JsonContentOf([]);
                using var response = await channel.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
                var status = (int)response.StatusCode;
                if (status is >= 200 and < 300 or StatusCodes.Status405MethodNotAllowed)
                {
                    return true;
                }

                BindingLog.NotSubscribed(logger, name, route, status);
                return false;
            }
            catch (HttpRequestException) when (attempt < ProbeAttempts)
            {
                // The app answered /dapr/config a moment ago; give a restarting app a few seconds.
                await Task.Delay(ProbeRetry, time, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                BindingLog.FireFailed(logger, name, route, e);
                return false;
            }
        }
    }

    private async Task FireAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var request = channel.CreateRequest(HttpMethod.Post, route);
            request.Content = JsonContentOf([]);
            request.Headers.TryAddWithoutValidation("timeZone", schedule.TimeZone);
            request.Headers.TryAddWithoutValidation("readTimeUTC", GoTime.FormatUtc(time.GetUtcNow()));
            using var response = await channel.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                BindingLog.FireRejected(logger, name, route, (int)response.StatusCode);
            }
        }
        catch (HttpRequestException e)
        {
            BindingLog.FireFailed(logger, name, route, e);
        }
    }

    private static ByteArrayContent JsonContentOf(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }
}
