using System.Data;
using Microsoft.Data.Sqlite;

namespace AvatarStream.DevSidecar.State;

/// <summary>
/// A store in one SQLite file that several processes may open at once. WAL lets readers run beside a writer;
/// every <see cref="ApplyAsync"/> runs in a <c>BEGIN IMMEDIATE</c> transaction, so its ETag checks and its writes
/// are atomic across processes, not just across threads.
/// </summary>
public sealed class SqliteStateStore : IStateStore, IAsyncDisposable
{
    // Another process may hold the write lock for a while (a long transaction, a checkpoint); SQLite's busy handler
    // waits up to BusyTimeout inside each statement, and the loop below retries the whole transaction a few times more.
    const int BusyTimeoutMs = 5_000;
    const int MaxAttempts = 5;
    static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(1);

    readonly string _connectionString;
    readonly TimeProvider _time;

    // Threads of this process queue here rather than spinning in SQLite's busy handler against each other.
    readonly SemaphoreSlim _writeGate = new(1, 1);
    long _lastPrune;

    SqliteStateStore(string connectionString, TimeProvider time)
    {
        _connectionString = connectionString;
        _time = time;
        _lastPrune = time.GetTimestamp();
    }

    /// <summary>The full path of the database file.</summary>
    public required string Path { get; init; }

    /// <summary>Opens (creating if needed) the database at <paramref name="path"/>, its folder and its table.</summary>
    public static SqliteStateStore Open(string path, TimeProvider time)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        if (System.IO.Path.GetDirectoryName(fullPath) is { Length: > 0 } folder)
        {
            System.IO.Directory.CreateDirectory(folder);
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = BusyTimeoutMs / 1000,
        }.ToString();
        var store = new SqliteStateStore(connectionString, time) { Path = fullPath };
        store.CreateSchema();
        return store;
    }

    public async Task<StateEntry?> GetAsync(string key, CancellationToken cancellationToken) =>
        (await GetManyAsync([key], cancellationToken))[0];

    public async Task<IReadOnlyList<StateEntry?>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT key, value, etag, expires_at FROM state WHERE key = $key AND (expires_at IS NULL OR expires_at > $now)";
        var key = command.Parameters.Add("$key", SqliteType.Text);
        command.Parameters.AddWithValue("$now", Now());
        var results = new StateEntry?[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            key.Value = keys[i];
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            results[i] = await reader.ReadAsync(cancellationToken) ? ReadEntry(reader) : null;
        }

        return results;
    }

    public async Task<IReadOnlyList<StateEntry>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // A range on the primary key instead of LIKE/GLOB (which would need escaping and skip the index). Text
        // compares as raw UTF-8 bytes, and no valid UTF-8 continuation of the prefix reaches the bytes F4 90, so
        // [prefix, prefix || F4 90) holds exactly the keys that start with the prefix.
        command.CommandText = """
            SELECT key, value, etag, expires_at FROM state
            WHERE key >= $prefix AND key < $prefix || CAST(x'F490' AS TEXT) AND (expires_at IS NULL OR expires_at > $now)
            ORDER BY key
            """;
        command.Parameters.AddWithValue("$prefix", prefix);
        command.Parameters.AddWithValue("$now", Now());
        var entries = new List<StateEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(ReadEntry(reader));
        }

        return entries;
    }

    public async Task ApplyAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken)
    {
        if (writes.Count == 0)
        {
            return;
        }

        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await ApplyOnceAsync(writes, cancellationToken);
                    return;
                }
                catch (SqliteException e) when (IsBusy(e) && attempt < MaxAttempts)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), _time, cancellationToken);
                }
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; close them so the file can be moved or deleted.
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _writeGate.Dispose();
        return ValueTask.CompletedTask;
    }

    async Task ApplyOnceAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // deferred: false is BEGIN IMMEDIATE: take the write lock before reading the ETags we check. A deferred
        // transaction would read first and could then fail to upgrade with SQLITE_BUSY_SNAPSHOT under WAL.
        await using var transaction = connection.BeginTransaction(IsolationLevel.Serializable, deferred: false);
        var now = Now();

        // Check every condition against the state before this batch, then write, as the in-memory store does.
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT etag FROM state WHERE key = $key AND (expires_at IS NULL OR expires_at > $now)";
            var key = read.Parameters.Add("$key", SqliteType.Text);
            read.Parameters.AddWithValue("$now", now);
            foreach (var write in writes)
            {
                key.Value = write.Key;
                var liveETag = await read.ExecuteScalarAsync(cancellationToken) as string;
                if (!write.IsAllowedOver(liveETag))
                {
                    throw new ETagMismatchException(write.Key);
                }
            }
        }

        await using (var upsert = connection.CreateCommand())
        await using (var delete = connection.CreateCommand())
        {
            upsert.CommandText = """
                INSERT INTO state (key, value, etag, expires_at, updated_at) VALUES ($key, $value, $etag, $expires, $now)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag,
                    expires_at = excluded.expires_at, updated_at = excluded.updated_at
                """;
            delete.CommandText = "DELETE FROM state WHERE key = $key";
            foreach (var write in writes)
            {
                if (write.Value is { } value)
                {
                    upsert.Parameters.Clear();
                    upsert.Parameters.AddWithValue("$key", write.Key);
                    upsert.Parameters.Add("$value", SqliteType.Blob).Value = value.ToArray();
                    upsert.Parameters.AddWithValue("$etag", Guid.NewGuid().ToString());
                    upsert.Parameters.AddWithValue("$expires", write.Ttl is { } ttl ? now + (long)ttl.TotalMilliseconds : DBNull.Value);
                    upsert.Parameters.AddWithValue("$now", now);
                    await upsert.ExecuteNonQueryAsync(cancellationToken);
                }
                else
                {
                    delete.Parameters.Clear();
                    delete.Parameters.AddWithValue("$key", write.Key);
                    await delete.ExecuteNonQueryAsync(cancellationToken);
                }
            }
        }

        await PruneExpiredIfDueAsync(connection, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    // Expired rows are invisible already; deleting them now and then only keeps the file from growing.
    async Task PruneExpiredIfDueAsync(SqliteConnection connection, long now, CancellationToken cancellationToken)
    {
        if (_time.GetElapsedTime(_lastPrune) < PruneEvery)
        {
            return;
        }

        _lastPrune = _time.GetTimestamp();
        await using var prune = connection.CreateCommand();
        prune.CommandText = "DELETE FROM state WHERE expires_at <= $now";
        prune.Parameters.AddWithValue("$now", now);
        await prune.ExecuteNonQueryAsync(cancellationToken);
    }

    void CreateSchema()
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        // journal_mode=WAL is stored in the file, so every later connection (any process) uses it.
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS state (
                key TEXT NOT NULL PRIMARY KEY,
                value BLOB NOT NULL,
                etag TEXT NOT NULL,
                expires_at INTEGER NULL,
                updated_at INTEGER NOT NULL
            );
            CREATE INDEX IF NOT EXISTS state_expires_at ON state (expires_at) WHERE expires_at IS NOT NULL;
            """;
        command.ExecuteNonQuery();
    }

    async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragma = connection.CreateCommand();
            // Per connection: wait for another process's lock instead of failing at once. WAL's default
            // synchronous=FULL is more than a development store needs; NORMAL is still safe against corruption.
            pragma.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMs}; PRAGMA synchronous = NORMAL;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    static StateEntry ReadEntry(SqliteDataReader reader) => new(
        reader.GetString(0),
        (byte[])reader.GetValue(1),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)));

    static bool IsBusy(SqliteException e) => e.SqliteErrorCode is 5 or 6; // SQLITE_BUSY, SQLITE_LOCKED
}
