namespace AvatarStream.DevSidecar.Metadata;

public sealed record RegisteredComponent(string Name, string Type, string Version, IReadOnlyList<string> Capabilities);
