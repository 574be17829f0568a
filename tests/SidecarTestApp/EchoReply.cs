namespace AvatarStream.SidecarTestApp;

// What the echo endpoint received; header names are lower-cased.
public sealed record EchoReply(string Method, string RawTarget, string Body, Dictionary<string, string> Headers);
