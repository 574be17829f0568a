namespace AvatarStream.StreamService.Core.V2;

// Who receives a publisher's media, rebuilt by the room on every membership or subscription change and read
// lock-free by the publisher's receive loop: video per layer goes to its subscribers, audio and other to everyone.
internal sealed class MediaRoute(IMemberLink[][] videoByLayer, IMemberLink[] everyone)
{
    // A member in the lobby: its media goes nowhere.
    public static readonly MediaRoute Nobody = new([[], [], []], []);

    public ReadOnlySpan<IMemberLink> Video(int layer) => videoByLayer[layer];

    public ReadOnlySpan<IMemberLink> Everyone => everyone;
}
