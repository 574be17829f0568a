namespace AvatarStream.Client.Messages;

// Why a member left (member_left.reason).
public static class LeaveReasons
{
    public const string Left = "left";
    public const string Removed = "removed";
    public const string Timeout = "timeout";
}
