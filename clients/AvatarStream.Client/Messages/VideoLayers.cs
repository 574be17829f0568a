namespace AvatarStream.Client.Messages;

// Video layers of binary frames and subscriptions.
public static class VideoLayers
{
    public const int Low = 0;
    public const int Mid = 1;
    public const int High = 2;
}
