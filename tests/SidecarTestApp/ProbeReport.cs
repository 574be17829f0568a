namespace AvatarStream.SidecarTestApp;

/// <summary>The app's <see cref="ActorProbe"/> as served on <c>GET /probe</c>.</summary>
public sealed record ProbeReport(int MaxInsideOneActor, int MaxInsideAnyActors, IReadOnlyList<string> Events);
