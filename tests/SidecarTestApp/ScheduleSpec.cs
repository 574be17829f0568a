namespace AvatarStream.SidecarTestApp;

// A reminder or timer to register: PeriodMs below 0 means it fires once.
public sealed record ScheduleSpec(string Name, int DueMs, int PeriodMs);
