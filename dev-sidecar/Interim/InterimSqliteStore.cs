using Microsoft.Data.Sqlite;
using AvatarStream.DevSidecar.State;

namespace AvatarStream.DevSidecar.Interim;

/// <summary>
/// TEMPORARY: a minimal SQLite <see cref="IStateStore"/> so that standalone sidecars in separate processes can share a
/// directory, actor state and reminders before the real SQLite store (State/) is merged. Delete this folder then and
/// call <c>SidecarCluster.Sqlite</c> instead (Program.cs and the Process tests are the only callers).
/// </summary>
public sealed class InterimSqliteStore : IStateStore
{
    readonly string _connectionString;
    readonly TimeProvider _time;

    InterimSqliteStore(string path, TimeProvider time)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 10 }.ToString();
        _time = time;
    }

    public static InterimSqliteStore Open(string path, TimeProvider time)
    {
        var full = Path.GetFullPath(path);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var store = new InterimSqliteStore(full, time);
        using var connection = store.Connect();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Execute(connection, "CREATE TABLE IF NOT EXISTS interim_state (key TEXT PRIMARY KEY, value BLOB NOT NULL, etag TEXT NOT NULL, expires INTEGER NULL);");
        return store;
    }

    public async Task<StateEntry?> GetAsync(string key, CancellationToken cancellationToken) =>
        (await GetManyAsync([key], cancellationToken))[0];

    public async Task<IReadOnlyList<StateEntry?>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        await using var connection = Connect();
        var result = new StateEntry?[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            result[i] = (await QueryAsync(connection, null, "key = $p", keys[i], cancellationToken)).FirstOrDefault();
        }

        return result;
    }

    public async Task<IReadOnlyList<StateEntry>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        await using var connection = Connect();
        return await QueryAsync(connection, null, "substr(key, 1, length($p)) = $p", prefix, cancellationToken);
    }

    public async Task ApplyAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken)
    {
        await using var connection = Connect();

        // BEGIN IMMEDIATE: the write lock is taken up front, so checks and writes see one consistent file.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        foreach (var write in writes)
        {
            var live = (await QueryAsync(connection, transaction, "key = $p", write.Key, cancellationToken)).FirstOrDefault();
            var allowed = write.HasETag ? live?.ETag == write.ETag : !write.FirstWrite || write.IsDelete || live is null;
            if (!allowed)
            {
                throw new ETagMismatchException(write.Key);
            }
        }

        var now = _time.GetUtcNow();
        foreach (var write in writes)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.Parameters.AddWithValue("$k", write.Key);
            if (write.Value is { } value)
            {
                command.CommandText = "INSERT OR REPLACE INTO interim_state (key, value, etag, expires) VALUES ($k, $v, $e, $x);";
                command.Parameters.AddWithValue("$v", value.ToArray());
                command.Parameters.AddWithValue("$e", Guid.NewGuid().ToString());
                command.Parameters.AddWithValue("$x", write.Ttl is { } ttl ? (now + ttl).ToUnixTimeMilliseconds() : DBNull.Value);
            }
            else
            {
                command.CommandText = "DELETE FROM interim_state WHERE key = $k;";
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    async Task<List<StateEntry>> QueryAsync(SqliteConnection connection, SqliteTransaction? transaction, string where, string parameter, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT key, value, etag, expires FROM interim_state WHERE {where} AND (expires IS NULL OR expires > $now);";
        command.Parameters.AddWithValue("$p", parameter);
        command.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeMilliseconds());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<StateEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var expires = reader.IsDBNull(3) ? (DateTimeOffset?)null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3));
            entries.Add(new StateEntry(reader.GetString(0), (byte[])reader.GetValue(1), reader.GetString(2), expires));
        }

        return entries;
    }

    static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
