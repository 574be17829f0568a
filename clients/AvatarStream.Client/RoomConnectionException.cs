using System.Net;

namespace AvatarStream.Client;

// A WebSocket handshake with a stream instance that did not give an avatar-stream.v2 socket.
public sealed class RoomConnectionException : Exception
{
    public RoomConnectionException(HandshakeFailure failure, HttpStatusCode? httpStatus, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        HttpStatus = httpStatus;
    }

    public RoomConnectionException()
    {
    }

    public RoomConnectionException(string message)
        : base(message)
    {
    }

    public RoomConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HandshakeFailure Failure { get; }

    public HttpStatusCode? HttpStatus { get; }
}
