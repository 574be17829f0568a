namespace AvatarStream.RoomRouter.Tests.Integration.Harness;

/// <summary>How a stream stand-in answers <c>/register</c>.</summary>
public enum RegisterBehaviour
{
    Accept,
    Fail,
}
