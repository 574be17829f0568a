using System.Net;

namespace AvatarStream.Client;

// A non-2xx answer of the room router. ProblemType is the last path segment of the problem's "type"
// ("join-window-closed", "barred", "room-ended", "room-full", ...), or null when the body was no problem.
public sealed class RoomRouterException : Exception
{
    public RoomRouterException(HttpStatusCode status, string? problemType, string? detail, TimeSpan? retryAfter = null)
        : base($"The room router answered {(int)status} {problemType ?? status.ToString()}{(detail is null ? string.Empty : ": " + detail)}")
    {
        Status = status;
        ProblemType = problemType;
        Detail = detail;
        RetryAfter = retryAfter;
    }

    public RoomRouterException()
    {
    }

    public RoomRouterException(string message)
        : base(message)
    {
    }

    public RoomRouterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HttpStatusCode Status { get; }

    public string? ProblemType { get; }

    public string? Detail { get; }

    // From a Retry-After header (429, 503), when there was one.
    public TimeSpan? RetryAfter { get; }

    // The answer will not change by asking again: the room is gone, closed to this identity, or the request is wrong.
    public bool IsFinal => Status is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Gone;
}
