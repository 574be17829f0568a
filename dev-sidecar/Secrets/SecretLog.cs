namespace AvatarStream.DevSidecar.Secrets;

internal static partial class SecretLog
{
    [LoggerMessage(6001, LogLevel.Warning, "secret store {Name} has type {Type}, which the development sidecar does not implement; calls to it fail")]
    public static partial void UnsupportedSecretStore(ILogger logger, string name, string type);
}
