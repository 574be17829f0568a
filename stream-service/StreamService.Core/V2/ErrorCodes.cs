namespace AvatarStream.StreamService.Core.V2;

// The stable codes of an error reply.
internal static class ErrorCodes
{
    public const string BadMessage = "bad_message";
    public const string TooLarge = "too_large";
    public const string NotHost = "not_host";
    public const string UnknownMember = "unknown_member";
    public const string TooManyFeeds = "too_many_feeds";
    public const string RateLimited = "rate_limited";
    public const string NotAllowed = "not_allowed";

    public static readonly string[] All = [BadMessage, TooLarge, NotHost, UnknownMember, TooManyFeeds, RateLimited, NotAllowed];
}
