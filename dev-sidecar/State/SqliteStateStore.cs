using Microsoft.Data.Sqlite;

namespace AvatarStream.DevSidecar.State;

// A store in one SQLite file that several processes may open at once. WAL lets readers run beside a writer;
// every ApplyAsync runs in a BEGIN IMMEDIATE transaction, so its ETag checks and its writes
// are atomic across processes, not just across threads.
public sealed class SqliteStateStore : IStateStore, IAsyncDisposable
{
    // Another process may hold the write lock for a while (a long transaction, a checkpoint); SQLite's busy handler
    // waits up to BusyTimeout inside each statement, and the loop below retries the whole transaction a few times more.
    private const int BusyTimeoutMs = 5_000;
    private const int MaxAttempts = 5;
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(1);

    private readonly string _connectionString;
    private readonly TimeProvider _time;

    // Threads of this process queue here rather than spinning in SQLite's busy handler against each other.
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private long _lastPrune;

    // Used only under the write gate.
    private SqliteWriter? _writer;
    private bool _disposed;

    private SqliteStateStore(string connectionString, TimeProvider time)
    {
        _connectionString = connectionString;
        _time = time;
        _lastPrune = time.GetTimestamp();
    }

    public required string Path { get; init; }

    // Opens (creating if needed) the database at path, its folder and its table.
    public static SqliteStateStore Open(string path, TimeProvider time)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        if (System.IO.Path.GetDirectoryName(fullPath) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
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

    public async ValueTask DisposeAsync()
    {
        // Under the gate, so no write is cut off half-way; writes that come later fail (ObjectDisposedException).
        await _writeGate.WaitAsync();
        try
        {
            _disposed = true;
            if (_writer is { } writer)
            {
                _writer = null;
                await writer.DisposeAsync();
            }
        }
        finally
        {
            _writeGate.Release();
        }

        // Pooled connections keep the file open; close them so the file can be moved or deleted.
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }
    }

    // One attempt, on the writer (opened on first use); a writer that failed other than by a mismatch is replaced.
    private async Task ApplyOnceAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var writer = _writer ??= await SqliteWriter.OpenAsync(_connectionString, BusyTimeoutMs, cancellationToken);
        try
        {
            await writer.ApplyAsync(writes, Now(), PruneIsDue(), cancellationToken);
        }
        catch (Exception e) when (e is not ETagMismatchException)
        {
            _writer = null;
            await writer.DisposeAsync();
            throw;
        }
    }

    private bool PruneIsDue()
    {
        if (_time.GetElapsedTime(_lastPrune) < PruneEvery)
        {
            return false;
        }

        _lastPrune = _time.GetTimestamp();
        return true;
    }

    // Sidecar processes starting together open the file at once, and on a starved machine one of them can hold the
    // lock past the busy timeout: the schema step retries on busy as a write transaction does, instead of failing the start.
    private void CreateSchema()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                CreateSchemaOnce();
                return;
            }
            catch (SqliteException e) when (IsBusy(e) && attempt < MaxAttempts)
            {
            }
        }
    }

    private void CreateSchemaOnce()
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

    // For reads only. Under WAL a reader never waits for a writer, and in the rare case SQLite answers busy (a WAL
    // recovery) Microsoft.Data.Sqlite retries the statement until the command timeout; so no per-open pragmas here.
    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private static StateEntry ReadEntry(SqliteDataReader reader) => new(
        reader.GetString(0),
        (byte[])reader.GetValue(1),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)));

    private static bool IsBusy(SqliteException e) => e.SqliteErrorCode is 5 or 6; // SQLITE_BUSY, SQLITE_LOCKED
}
