namespace AvatarStream.SidecarTestApp;

// The app's ActorProbe as served on GET /probe.
public sealed record ProbeReport(int MaxInsideOneActor, int MaxInsideAnyActors, IReadOnlyList<string> Events);
