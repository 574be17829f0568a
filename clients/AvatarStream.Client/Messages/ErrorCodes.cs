namespace AvatarStream.Client.Messages;

// The codes of error messages. The server may add codes.
public static class ErrorCodes
{
    public const string BadMessage = "bad_message";
    public const string TooLarge = "too_large";
    public const string NotHost = "not_host";
    public const string UnknownMember = "unknown_member";
    public const string TooManyFeeds = "too_many_feeds";
    public const string RateLimited = "rate_limited";
    public const string NotAllowed = "not_allowed";
}
