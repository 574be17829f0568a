using System.Net;
using System.Net.WebSockets;

namespace AvatarStream.Client;

public sealed partial class RoomConnection
{
    // Opens a new socket for the member after a drop, or says why not. Attempts and time count from the start of the
    // outage, across sockets that open but go away again before the server takes the member back.
    private async Task<(ClientWebSocket? Socket, CloseReason? Final)> ReconnectAsync(Drop drop)
    {
        var policy = _options.Reconnect;
        var time = _options.TimeProvider;
        _outageStarted ??= time.GetTimestamp();
        var unreachableInARow = 0;
        var stoppedInstance = drop.Reason.CloseStatus == WebSocketCloseStatus.EndpointUnavailable;

        // 1001: the instance is draining or its room moved, so the seat is wherever join-room places it now; resuming here
        // would only be refused.
        var needTicket = stoppedInstance && _options.Rejoin is not null;
        var pause = drop.Pause;
        var last = drop.Reason.Error;

        while (true)
        {
            var delay = policy.DelayFor(_outageAttempts, Random.Shared.NextDouble());
            if (pause && delay < policy.PolicyClosePause)
            {
                delay = policy.PolicyClosePause;
            }

            pause = false;
            if (_outageAttempts >= policy.MaxAttempts || time.GetElapsedTime(_outageStarted.Value) + delay > policy.MaxDuration)
            {
                return (null, new CloseReason(CloseKind.GaveUp) { Error = last, HttpStatus = (last as RoomConnectionException)?.HttpStatus });
            }

            _outageAttempts++;
            try
            {
                await (_options.Delay ?? DelayOnTimeProvider)(delay, _stopping.Token);
                if (needTicket)
                {
                    var ticket = await _options.Rejoin!(Ticket, _stopping.Token);
                    lock (_gate)
                    {
                        _ticket = ticket;
                        _ticketShown = false;
                    }

                    needTicket = false;
                }

                return (await HandshakeAsync(Ticket, _stopping.Token), null);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return (null, new CloseReason(CloseKind.ClosedByClient));
            }
            catch (RoomRouterException exception) when (exception.IsFinal)
            {
                return (null, new CloseReason(CloseKind.Refused) { HttpStatus = exception.Status, ProblemType = exception.ProblemType, Error = exception });
            }
            catch (Exception exception) when (exception is RoomRouterException or HttpRequestException or OperationCanceledException)
            {
                // The router is busy or out of reach (or the rejoin timed out): ask it again after the next wait.
                last = exception;
            }
            catch (RoomConnectionException exception)
            {
                last = exception;
                unreachableInARow = exception.Failure == HandshakeFailure.Unreachable ? unreachableInARow + 1 : 0;
                switch (exception.Failure)
                {
                    case HandshakeFailure.Refused when exception.HttpStatus == HttpStatusCode.Unauthorized:
                        // The instance does not know this seat (any more): only join-room can give it back.
                        if (_options.Rejoin is null)
                        {
                            return (null, Refused(exception));
                        }

                        needTicket = true;
                        break;

                    case HandshakeFailure.Refused when exception.HttpStatus == HttpStatusCode.ServiceUnavailable:
                        // The instance is draining and its rooms move: join-room names the one to go to. Without a
                        // rejoin, the same instance is tried again.
                        needTicket = _options.Rejoin is not null;
                        break;

                    case HandshakeFailure.Refused when exception.HttpStatus is HttpStatusCode.Forbidden or HttpStatusCode.Conflict or HttpStatusCode.Gone:
                        return (null, Refused(exception));

                    case HandshakeFailure.WrongProtocol:
                        return (null, new CloseReason(CloseKind.Failed) { HttpStatus = exception.HttpStatus, Error = exception });

                    case HandshakeFailure.Unreachable:
                        // After 1001 the instance is gone for good; after a plain drop it may be our network, so the
                        // router is asked only once the instance stays out of reach. Either way the room may have moved.
                        needTicket = _options.Rejoin is not null && (stoppedInstance || unreachableInARow >= 2);
                        break;
                }
            }
        }
    }

    private Task DelayOnTimeProvider(TimeSpan delay, CancellationToken cancellationToken) =>
        Task.Delay(delay, _options.TimeProvider, cancellationToken);

    private static CloseReason Refused(RoomConnectionException exception) =>
        new(CloseKind.Refused) { HttpStatus = exception.HttpStatus, Error = exception };
}
