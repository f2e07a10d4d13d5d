using QuantumScheduler.Runtime.Storage;
using QuantumScheduler.Runtime.Storage.Sqlite;

namespace QuantumScheduler.Runtime.Persistence.Tests.Storage;

public sealed class SqliteReminderTableTests : ReminderTableContractTests
{
    private readonly TempDirectory _directory = new();
    private readonly SqliteReminderTable _table;

    public SqliteReminderTableTests() => _table = Open();

    protected override IReminderTable Table => _table;

    public override void Dispose()
    {
        _table.Dispose();
        _directory.Dispose();
        base.Dispose();
    }

    [Fact]
    public async Task Rows_survive_reopening_the_file_in_a_new_table()
    {
        var entry = Entry(Grain(7), "durable");
        var etag = await _table.UpsertRowAsync(entry, CancellationToken.None);
        _table.Dispose();

        using var reopened = Open();

        Assert.Equal(entry with { ETag = etag }, await reopened.ReadRowAsync(Grain(7), "durable", CancellationToken.None));
        Assert.True(await reopened.RemoveRowAsync(Grain(7), "durable", etag, CancellationToken.None));
    }

    private SqliteReminderTable Open() => new(new SqliteReminderTableOptions { DataDirectory = _directory.Path });
}
