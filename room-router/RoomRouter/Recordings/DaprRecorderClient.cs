using System.Net;
using System.Net.Http.Json;
using AvatarStream.Contracts;
using AvatarStream.ServiceDefaults.InternalAuth;
using Microsoft.Extensions.Options;

namespace AvatarStream.RoomRouter.Recordings;

// The recorder's internal API through the sidecar, with the internal bearer token and a bounded wait.
internal sealed class DaprRecorderClient(
    DaprInvocationClients clients,
    IInternalTokenSource tokens,
    IOptionsMonitor<RecordingOptions> options,
    ILogger<DaprRecorderClient> logger) : IRecorderClient
{
    public async Task<RecorderAnswer> StartAsync(StartRecordingRequest request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, InternalRoutes.Recordings, request, cancellationToken);
        return response switch
        {
            { IsSuccessStatusCode: true } => RecorderAnswer.Started,
            { StatusCode: HttpStatusCode.ServiceUnavailable } => RecorderAnswer.Busy,
            _ => RecorderAnswer.Failed,
        };
    }

    public async Task<bool> StopAsync(string recordingId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, InternalRoutes.StopRecording(recordingId), null, cancellationToken);
        return response?.IsSuccessStatusCode == true;
    }

    public async Task<string?> StateAsync(string recordingId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, InternalRoutes.Recording(recordingId), null, cancellationToken);
        if (response is not { IsSuccessStatusCode: true })
        {
            return null;
        }

        return (await response.Content.ReadFromJsonAsync<RecordingStatus>(ContractJson.Options, cancellationToken))?.State;
    }

    // The answer, or null when the recorder could not be reached in time.
    private async Task<HttpResponseMessage?> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.CurrentValue.RecorderTimeout);
        try
        {
            return await clients.For(DaprNames.Recorder).SendInternalAsync(method, path, body, tokens, timeout.Token);
        }
        catch (Exception exception) when (exception is HttpRequestException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            RecordingLog.RecorderUnreachable(logger, path, exception.GetBaseException().Message);
            return null;
        }
    }
}
