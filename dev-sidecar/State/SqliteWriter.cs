using System.Data;
using Microsoft.Data.Sqlite;

namespace AvatarStream.DevSidecar.State;

// The connection a SqliteStateStore writes through. Writes are serialized anyway, so one connection
// serves them all: opened once, its pragmas set once, its statements compiled once, instead of renting a pooled
// connection, running two pragmas and compiling three statements on every write. Not thread-safe: one write at a time.
internal sealed class SqliteWriter : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _readETag;
    private readonly SqliteCommand _upsert;
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _prune;

    private SqliteWriter(SqliteConnection connection)
    {
        _connection = connection;
        _readETag = Prepare("SELECT etag FROM state WHERE key = $key AND (expires_at IS NULL OR expires_at > $now)", "$key", "$now");
        _upsert = Prepare(
            """
            INSERT INTO state (key, value, etag, expires_at, updated_at) VALUES ($key, $value, $etag, $expires, $now)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag,
                expires_at = excluded.expires_at, updated_at = excluded.updated_at
            """,
            "$key", "$value", "$etag", "$expires", "$now");
        _delete = Prepare("DELETE FROM state WHERE key = $key", "$key");
        _prune = Prepare("DELETE FROM state WHERE expires_at <= $now", "$now");
    }

    // Opens a connection to the database in connectionString and prepares the write statements.
    public static async Task<SqliteWriter> OpenAsync(string connectionString, int busyTimeoutMs, CancellationToken cancellationToken)
    {
        // Not pooled: this connection lives as long as the store, and a pooled one would go back to a shared pool.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragma = connection.CreateCommand();
            // Wait for another process's write lock instead of failing at once. WAL's default synchronous=FULL is more
            // than a development store needs; NORMAL is still safe against corruption.
            pragma.CommandText = $"PRAGMA busy_timeout = {busyTimeoutMs}; PRAGMA synchronous = NORMAL;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return new SqliteWriter(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // Applies every write or none, in one BEGIN IMMEDIATE transaction: the write lock is taken before the ETags
    // are read, so no other process can write in between (a deferred transaction could also fail to upgrade with
    // SQLITE_BUSY_SNAPSHOT under WAL). Throws ETagMismatchException when a condition fails.
    public async Task ApplyAsync(IReadOnlyList<StateWrite> writes, long now, bool pruneExpired, CancellationToken cancellationToken)
    {
        await using var transaction = _connection.BeginTransaction(IsolationLevel.Serializable, deferred: false);
        foreach (var command in (ReadOnlySpan<SqliteCommand>)[_readETag, _upsert, _delete, _prune])
        {
            command.Transaction = transaction;
        }

        // Check every condition against the state before this batch, then write, as the in-memory store does.
        _readETag.Parameters["$now"].Value = now;
        foreach (var write in writes)
        {
            _readETag.Parameters["$key"].Value = write.Key;
            if (!write.IsAllowedOver(await _readETag.ExecuteScalarAsync(cancellationToken) as string))
            {
                throw new ETagMismatchException(write.Key);
            }
        }

        foreach (var write in writes)
        {
            if (write.Value is { } value)
            {
                _upsert.Parameters["$key"].Value = write.Key;
                _upsert.Parameters["$value"].Value = value.ToArray();
                _upsert.Parameters["$etag"].Value = Guid.NewGuid().ToString();
                _upsert.Parameters["$expires"].Value = write.Ttl is { } ttl ? now + (long)ttl.TotalMilliseconds : DBNull.Value;
                _upsert.Parameters["$now"].Value = now;
                await _upsert.ExecuteNonQueryAsync(cancellationToken);
            }
            else
            {
                _delete.Parameters["$key"].Value = write.Key;
                await _delete.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        if (pruneExpired)
        {
            // Expired rows are invisible already; deleting them now and then only keeps the file from growing.
            _prune.Parameters["$now"].Value = now;
            await _prune.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in (SqliteCommand[])[_readETag, _upsert, _delete, _prune])
        {
            await command.DisposeAsync();
        }

        await _connection.DisposeAsync();
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }
}
