namespace AvatarStream.Client;

public enum HandshakeFailure
{
    // No answer: refused, reset, timed out, DNS.
    Unreachable,

    // An HTTP status instead of the upgrade (RoomConnectionException.HttpStatus).
    Refused,

    // The server did not select avatar-stream.v2.
    WrongProtocol,
}
