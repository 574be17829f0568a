using System.Net;
using System.Net.WebSockets;

namespace AvatarStream.Client;

// Why a socket went away. CloseStatus and Description come from a close frame; HttpStatus from a refused handshake or
// rejoin, with ProblemType for the router's answers; Error holds the last failure.
public sealed record CloseReason(CloseKind Kind)
{
    public WebSocketCloseStatus? CloseStatus { get; init; }

    public string? Description { get; init; }

    public HttpStatusCode? HttpStatus { get; init; }

    public string? ProblemType { get; init; }

    public Exception? Error { get; init; }
}
