namespace AvatarStream.SidecarTestApp;

/// <summary>What the echo endpoint received; header names are lower-cased.</summary>
public sealed record EchoReply(string Method, string RawTarget, string Body, Dictionary<string, string> Headers);
