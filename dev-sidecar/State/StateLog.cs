namespace AvatarStream.DevSidecar.State;

internal static partial class StateLog
{
    [LoggerMessage(5001, LogLevel.Information, "state store {Name} of type {Type} is served by the development sidecar's {StoreKind} store")]
    public static partial void ServedByClusterStore(ILogger logger, string name, string type, string storeKind);
}
