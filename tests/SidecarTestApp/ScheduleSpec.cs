namespace AvatarStream.SidecarTestApp;

/// <summary>A reminder or timer to register: <see cref="PeriodMs"/> below 0 means it fires once.</summary>
public sealed record ScheduleSpec(string Name, int DueMs, int PeriodMs);
