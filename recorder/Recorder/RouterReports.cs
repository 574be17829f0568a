using AvatarStream.Contracts;
using AvatarStream.ServiceDefaults.InternalAuth;

namespace AvatarStream.Recorder;

// Tells the room router a recording ended, through the sidecar with the internal token; tried a few times, since a
// recording whose end is never reported stays "finishing" for its recipients.
public interface IRouterReports
{
    public Task ReportAsync(RecordingFinishedRequest report, CancellationToken cancellationToken);
}

internal sealed class DaprRouterReports(DaprInvocationClients clients, IInternalTokenSource tokens, TimeProvider time, ILogger<DaprRouterReports> logger) : IRouterReports
{
    private const int Attempts = 5;

    public async Task ReportAsync(RecordingFinishedRequest report, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var response = await clients.For(DaprNames.RoomRouter)
                    .SendInternalAsync(HttpMethod.Post, InternalRoutes.RecordingFinished, report, tokens, cancellationToken);
                response.EnsureSuccessStatusCode();
                return;
            }
            catch (HttpRequestException exception) when (attempt < Attempts)
            {
                RecorderLog.ReportRetry(logger, report.RecordingId, attempt, exception.Message);
                await Task.Delay(TimeSpan.FromSeconds(attempt), time, cancellationToken);
            }
        }
    }
}
