namespace AvatarStream.ServiceDefaults.InternalAuth;

/// <summary>
/// A secret the service needs is missing or unfit (empty, too short): a deployment fault, answered as an unavailable
/// dependency. The message names the secret and the key, never the value.
/// </summary>
public sealed class SecretUnusableException(string message) : InvalidOperationException(message);
