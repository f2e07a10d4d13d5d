using System.Text.RegularExpressions;
using Xunit;

namespace QuantumScheduler.Runtime.CodeGenerator.Tests;

/// <summary>The generated code compiles for every supported shape, and its wire identities are stable.</summary>
public class GeneratedCodeTests
{
    private const string RichSnippet = """
        namespace Shop
        {
            [GenerateSerializer, Alias("shop.item")]
            public sealed record Item([property: Id(0)] string Sku, [property: Id(1)] decimal Price);

            [GenerateSerializer]
            public abstract class Entity { [Id(0)] public Guid Key { get; init; } }

            [GenerateSerializer]
            public class Order : Entity
            {
                [Id(0)] public List<Item> Items { get; set; } = new();
                [Id(1)] internal Dictionary<string, int?> Counts = new();
                [Id(2)] private readonly DateTime _created;
                [Id(3)] public (int, string) Pair { get; private set; }
                public DateTime Created => _created;
            }

            [GenerateSerializer]
            public sealed class RushOrder : Order { [Id(0)] public TimeSpan Deadline { get; set; } }

            [GenerateSerializer]
            public readonly record struct Slot([property: Id(0)] int Start, [property: Id(1)] int End);

            [GenerateSerializer]
            public struct Mutable { [Id(0)] public int X; [Id(1)] public string? Name { get; set; } }

            [GenerateSerializer]
            public enum Status : byte { Open, Closed }

            public static class Outer
            {
                [GenerateSerializer]
                internal sealed class Nested { [Id(0)] public int Value { get; set; } }
            }

            public sealed class OrderRejectedException(string message) : Exception(message);

            [Alias("orders")]
            public interface IOrderGrain : IGrainWithGuidKey, IRemindable
            {
                Task Place(Order order, CancellationToken cancellationToken);
                Task<Order?> Get();
                ValueTask<IReadOnlyList<Item>> Items(int skip, int take);
                ValueTask Cancel(string @event);
                Task<Slot> Reserve(Slot slot, Status status);
                Task<IOrderGrain> Self();
                Task<int> Count(int a);
                Task<int> Count(long a);
                [OneWay] ValueTask Notify(object payload);
            }

            public interface IPriorityOrderGrain : IOrderGrain
            {
                Task Escalate();
            }

            public interface IClock { DateTime Now { get; } }

            public interface IStore<TKey, TValue> : IGrainWithStringKey where TKey : notnull where TValue : class, new()
            {
                Task<TValue?> Get(TKey key);
                Task Put(TKey key, TValue value, CancellationToken cancellationToken);
                Task<Dictionary<TKey, List<TValue>>> Dump();
            }

            public interface IOrderStore<T> : IStore<Guid, Order>, IOrderGrain where T : struct;

            [Reentrant, StatelessWorker]
            public sealed class PriorityOrderGrain : IPriorityOrderGrain
            {
                public PriorityOrderGrain(IGrainContext context, [PersistentState("order")] IPersistentState<Order> state, IClock clock) { }
                public Task Place(Order order, CancellationToken cancellationToken) => Task.CompletedTask;
                public Task<Order?> Get() => Task.FromResult<Order?>(null);
                public ValueTask<IReadOnlyList<Item>> Items(int skip, int take) => new(new List<Item>());
                public ValueTask Cancel(string @event) => default;
                public Task<Slot> Reserve(Slot slot, Status status) => Task.FromResult(slot);
                public Task<IOrderGrain> Self() => Task.FromResult<IOrderGrain>(null!);
                public Task<int> Count(int a) => Task.FromResult(a);
                public Task<int> Count(long a) => Task.FromResult((int)a);
                public ValueTask Notify(object payload) => default;
                public Task Escalate() => Task.CompletedTask;
                public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
            }
        }
        """;

    [Fact]
    public void Generated_code_for_every_supported_shape_compiles()
    {
        var result = GeneratorHarness.Run(RichSnippet);

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.True(result.CompilationErrors.IsEmpty, result.Describe());
        Assert.Contains("Proxy_Shop_IOrderGrain.g.cs", result.HintNames);
        Assert.Contains("Proxy_Shop_IPriorityOrderGrain.g.cs", result.HintNames);
        Assert.Contains("Codec_Shop_Outer_Nested.g.cs", result.HintNames);
        Assert.Contains("Proxy_Shop_IStore_2.g.cs", result.HintNames);
        Assert.Contains("Proxy_Shop_IOrderStore_1.g.cs", result.HintNames);
        var registration = result.Source("GeneratedCodeRegistration");
        Assert.Contains("RegisterException<global::Shop.OrderRejectedException>", registration);
        Assert.Contains("\"shop.item\"", registration);
        Assert.Contains("EnumCodec<global::Shop.Status>", registration);
        Assert.Contains("GrainType = \"priorityorder\"", registration);
        Assert.Contains("StatelessWorkerMaxLocal = 0", registration);
        Assert.Contains(".Create<global::Shop.Order>(context, \"order\", null)", registration);
    }

    [Fact]
    public void Inherited_methods_share_one_invokable_per_assembly()
    {
        var result = GeneratorHarness.Run(RichSnippet);

        var placeInvokables = result.HintNames.Where(n => n.StartsWith("Invokable_Shop_IOrderGrain_Place_", StringComparison.Ordinal));
        Assert.Single(placeInvokables);
        // The contract's own grain interface gets a local invokable so this assembly's proxy can call it.
        Assert.Single(result.HintNames, n => n.StartsWith("Invokable_QuantumScheduler_Runtime_IRemindable_ReceiveReminder_", StringComparison.Ordinal));
    }

    [Fact]
    public void Method_wire_identity_does_not_depend_on_declaration_order()
    {
        const string first = """
            [Alias("sample")]
            public interface ISampleGrain : IGrainWithStringKey
            {
                Task<int> Count(int a);
                Task<int> Count(long a, CancellationToken token);
                Task Other();
            }
            """;
        const string reordered = """
            [Alias("sample")]
            public interface ISampleGrain : IGrainWithStringKey
            {
                Task Other();
                Task<int> Count(long a);
                Task<int> Count(int a);
            }
            """;

        var before = WireNames(GeneratorHarness.Run(first));
        var after = WireNames(GeneratorHarness.Run(reordered));

        Assert.Equal(before, after);
        Assert.Contains("inv:sample.Count(int)", before);
        Assert.Contains("inv:sample.Count(long)", before);
        Assert.Contains("inv:sample.Other()", before);
    }

    [Fact]
    public void Proxy_methods_copy_the_cancellation_token_into_the_request()
    {
        var proxy = GeneratorHarness.Run(RichSnippet).Source("Proxy_Shop_IOrderGrain");

        Assert.Contains("request__.CancellationToken = cancellationToken;", proxy);
        Assert.Contains("InvokeOneWay(request__);", proxy);
        Assert.Contains("return InvokeAsync<global::Shop.Order?>(request__).AsTask();", proxy);
    }

    private static SortedSet<string> WireNames(GeneratorResult result)
    {
        var registration = result.Source("GeneratedCodeRegistration");
        return new SortedSet<string>(Regex.Matches(registration, "\"(inv:[^\"]+)\"").Select(m => m.Groups[1].Value), StringComparer.Ordinal);
    }
}
