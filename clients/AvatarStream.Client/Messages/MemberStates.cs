namespace AvatarStream.Client.Messages;

// A member's presence state (member_updated.state, members[].state).
public static class MemberStates
{
    public const string Connected = "connected";
    public const string Reconnecting = "reconnecting";
}
