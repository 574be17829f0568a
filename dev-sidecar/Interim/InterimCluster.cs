using AvatarStream.DevSidecar.Hosting;

namespace AvatarStream.DevSidecar.Interim;

/// <summary>TEMPORARY stand-in for <c>SidecarCluster.Sqlite(path, time)</c> until the SQLite state store is merged.</summary>
public static class InterimCluster
{
    public static SidecarCluster Sqlite(string path, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        return new SidecarCluster(InterimSqliteStore.Open(path, time), time);
    }
}
