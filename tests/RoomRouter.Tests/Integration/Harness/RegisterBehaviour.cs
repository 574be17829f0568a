namespace AvatarStream.RoomRouter.Tests.Integration.Harness;

// How a stream stand-in answers /register.
public enum RegisterBehaviour
{
    Accept,
    Fail,
}
