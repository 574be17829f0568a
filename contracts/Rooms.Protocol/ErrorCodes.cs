namespace AvatarStream.Contracts;

/// <summary>The codes of a v2 <c>error</c> message. A server may add codes; a client treats an unknown one as a refusal.</summary>
public static class ErrorCodes
{
    /// <summary>Not a JSON object, no or unknown <c>type</c>, a field missing or of the wrong kind, a bad media header.</summary>
    public const string BadMessage = "bad_message";

    /// <summary>A control message over 64 KiB, or a <c>meta</c> over 1 KiB.</summary>
    public const string TooLarge = "too_large";

    /// <summary>A host message from a guest.</summary>
    public const string NotHost = "not_host";

    /// <summary>A member number that is not in the room (or is waiting where a member is meant).</summary>
    public const string UnknownMember = "unknown_member";

    /// <summary>A subscription with more than 49 feeds.</summary>
    public const string TooManyFeeds = "too_many_feeds";

    /// <summary>More control messages than the rate limit allows.</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>Not allowed in this state: anything but ping from the lobby, removing yourself.</summary>
    public const string NotAllowed = "not_allowed";

    /// <summary>A <c>record</c> that could not start: no recorder has room for another recording, or it failed to start.</summary>
    public const string RecordingUnavailable = "recording_unavailable";
}
