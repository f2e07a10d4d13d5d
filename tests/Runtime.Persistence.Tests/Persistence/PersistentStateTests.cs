using Microsoft.Extensions.DependencyInjection;
using QuantumScheduler.Runtime.Persistence.Tests.Fakes;
using QuantumScheduler.Runtime.Serialization;
using QuantumScheduler.Runtime.Storage;
using QuantumScheduler.Runtime.Storage.Sqlite;

namespace QuantumScheduler.Runtime.Persistence.Tests.Persistence;

/// <summary><see cref="PersistentState{TState}"/> through the factory, on a fake activation, with the runtime's serializer.</summary>
public sealed class PersistentStateTests : IDisposable
{
    private static readonly GrainId Cart = new("cart", "c1");
    private readonly TempDirectory _directory = new();
    private readonly ServiceProvider _services;

    public PersistentStateTests()
    {
        _services = new ServiceCollection()
            .AddSingleton<ISerializer>(new Serializer())
            .AddInMemoryGrainStorage()
            .AddInMemoryGrainStorage("Archive")
            .BuildServiceProvider();
    }

    public void Dispose()
    {
        _services.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task A_grain_without_a_record_starts_from_a_new_state()
    {
        var (state, _) = await ActivateAsync<CartState>();

        Assert.False(state.RecordExists);
        Assert.Null(state.Etag);
        Assert.Equal("", state.State.Owner);
        Assert.Empty(state.State.Items);
    }

    [Fact]
    public async Task The_factory_subscribes_the_state_so_it_is_loaded_at_activation_set_up()
    {
        var (first, _) = await ActivateAsync<CartState>();
        first.State = new CartState { Owner = "ada", Items = ["qpu-hours"], Total = 12.5m };
        await first.WriteStateAsync();

        var context = new FakeGrainContext(Cart, _services);
        var second = Factory.Create<CartState>(context, "cart", null);
        Assert.Same(second, Assert.Single(context.Participants));
        Assert.False(second.RecordExists);
        await context.SetUpAsync();

        Assert.True(second.RecordExists);
        Assert.Equal(first.Etag, second.Etag);
        Assert.Equal(("ada", 12.5m), (second.State.Owner, second.State.Total));
        Assert.Equal(["qpu-hours"], second.State.Items);
    }

    [Fact]
    public async Task A_stale_activation_cannot_overwrite_a_newer_write()
    {
        var (current, _) = await ActivateAsync<CartState>();
        current.State.Owner = "first";
        await current.WriteStateAsync();
        var (stale, _) = await ActivateAsync<CartState>();
        current.State.Owner = "second";
        await current.WriteStateAsync();

        stale.State.Owner = "stale";
        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => stale.WriteStateAsync());

        Assert.Equal(current.Etag, error.StoredEtag);
        var (reader, _) = await ActivateAsync<CartState>();
        Assert.Equal("second", reader.State.Owner);
        await stale.ReadStateAsync();
        stale.State.Owner = "retried";
        await stale.WriteStateAsync();
    }

    [Fact]
    public async Task Clear_resets_the_state_and_the_next_activation_finds_no_record()
    {
        var (state, _) = await ActivateAsync<CartState>();
        state.State.Items.Add("x");
        await state.WriteStateAsync();
        var written = state.Etag;

        await state.ClearStateAsync();

        Assert.False(state.RecordExists);
        Assert.Empty(state.State.Items);
        Assert.NotEqual(written, state.Etag);
        var (fresh, _) = await ActivateAsync<CartState>();
        Assert.False(fresh.RecordExists);
        state.State.Owner = "again";
        await state.WriteStateAsync();
        Assert.True(state.RecordExists);
    }

    [Fact]
    public async Task The_storage_name_picks_the_provider_and_no_name_means_Default()
    {
        var (archived, _) = await ActivateAsync<CartState>("Archive");
        archived.State.Owner = "archived";
        await archived.WriteStateAsync();

        var (unnamed, _) = await ActivateAsync<CartState>();
        var (named, _) = await ActivateAsync<CartState>("Archive");

        Assert.False(unnamed.RecordExists);
        Assert.Equal("archived", named.State.Owner);
    }

    [Fact]
    public void A_missing_provider_is_a_clear_error_naming_it_the_state_and_the_grain()
    {
        var context = new FakeGrainContext(Cart, _services);

        var error = Assert.Throws<InvalidOperationException>(() => Factory.Create<CartState>(context, "cart", "Ledger"));

        Assert.Contains("'Ledger'", error.Message);
        Assert.Contains("'cart'", error.Message);
        Assert.Contains(Cart.ToString(), error.Message);
        Assert.Contains("AddSqliteGrainStorage(\"Ledger\"", error.Message);
        Assert.Empty(context.Participants);
    }

    [Fact]
    public async Task Unreadable_stored_bytes_fail_the_activation_naming_the_state()
    {
        var storage = _services.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default);
        await storage.WriteAsync(Cart.Type, "cart", Cart, new byte[] { 0xFF, 0xFF, 0xFF }, null, CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ActivateAsync<CartState>());

        Assert.Contains("State 'cart' of grain 'cart/c1'", error.Message);
    }

    [Fact]
    public async Task A_state_written_by_one_version_of_the_type_is_read_by_the_next()
    {
        var (v1, _) = await ActivateAsync<CartState>();
        v1.State = new CartState { Owner = "ada", Items = ["a", "b"], Total = 3m };
        await v1.WriteStateAsync();

        var (v2, _) = await ActivateAsync<CartStateV2>();

        Assert.Equal("ada", v2.State.Owner);
        Assert.Equal(["a", "b"], v2.State.Items);
        Assert.Equal("EUR", v2.State.Currency);
    }

    [Fact]
    public void A_state_type_without_a_parameterless_constructor_is_a_clear_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Factory.Create<NoDefaultConstructor>(new FakeGrainContext(Cart, _services), "broken", null));

        Assert.Contains("parameterless constructor", error.Message);
        Assert.Contains(nameof(NoDefaultConstructor), error.Message);
    }

    [Fact]
    public async Task Cancellation_reaches_the_provider()
    {
        var context = new FakeGrainContext(Cart, _services);
        var state = Factory.Create<CartState>(context, "cart", null);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => context.SetUpAsync(cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => state.WriteStateAsync(cancelled.Token));
    }

    [Fact]
    public async Task State_on_sqlite_survives_a_restart()
    {
        void Configure(SqliteGrainStorageOptions options) => options.DataDirectory = _directory.Path;
        await using (var before = SqliteServices(Configure))
        {
            var context = new FakeGrainContext(Cart, before);
            var state = before.GetRequiredService<IPersistentStateFactory>().Create<CartState>(context, "cart", null);
            await context.SetUpAsync();
            state.State = new CartState { Owner = "durable", Items = ["one"] };
            await state.WriteStateAsync();
        }

        await using var after = SqliteServices(Configure);
        var restarted = new FakeGrainContext(Cart, after);
        var reloaded = after.GetRequiredService<IPersistentStateFactory>().Create<CartState>(restarted, "cart", null);
        await restarted.SetUpAsync();

        Assert.True(reloaded.RecordExists);
        Assert.Equal("durable", reloaded.State.Owner);
        Assert.Equal(["one"], reloaded.State.Items);
    }

    private IPersistentStateFactory Factory => _services.GetRequiredService<IPersistentStateFactory>();

    private async Task<(IPersistentState<T> State, FakeGrainContext Context)> ActivateAsync<T>(string? storageName = null)
    {
        var context = new FakeGrainContext(Cart, _services);
        var state = Factory.Create<T>(context, "cart", storageName);
        await context.SetUpAsync();
        return (state, context);
    }

    private static ServiceProvider SqliteServices(Action<SqliteGrainStorageOptions> configure) =>
        new ServiceCollection()
            .AddSingleton<ISerializer>(new Serializer())
            .AddSqliteGrainStorage(GrainStorageNames.Default, configure)
            .BuildServiceProvider();
}
