using QuantumScheduler.Runtime.Invocation;
using QuantumScheduler.Runtime.Manifest;
using Xunit;

namespace QuantumScheduler.Runtime.Serialization.Tests.Grains;

public class ProxyTests
{
    private static readonly GrainId CalculatorId = new("calculator", GrainKeyEncoding.Encode(1));
    private readonly LocalGrainRuntime _runtime = new();
    private readonly CalculatorGrain _grain = new();
    private readonly ICalculatorGrain _proxy;

    public ProxyTests()
    {
        _runtime.Add(CalculatorId, _grain);
        _proxy = _runtime.GetGrain<ICalculatorGrain>(CalculatorId);
    }

    [Fact]
    public void Proxy_is_a_grain_reference_of_the_interface()
    {
        var reference = Assert.IsAssignableFrom<GrainReference>(_proxy);

        Assert.Equal(CalculatorId, reference.GrainId);
        Assert.Equal(typeof(ICalculatorGrain), reference.InterfaceType);
        Assert.Equal<object>(reference, _runtime.GetGrain<ICalculatorGrain>(CalculatorId));
    }

    [Fact]
    public async Task Calls_reach_the_grain_and_overloads_stay_apart()
    {
        Assert.Equal(5, await _proxy.Add(2, 3));
        Assert.Equal(5000, await _proxy.Add(2L, 3L));
        Assert.Equal("calculator", await _proxy.GetName());
        Assert.Equal(7, await _proxy.Peek());
        await _proxy.Nothing();
        await ((IRemindable)_proxy).ReceiveReminder("r", new TickStatus(DateTime.UtcNow, TimeSpan.FromMinutes(1), DateTime.UtcNow));
    }

    [Fact]
    public async Task Arguments_and_results_are_copies()
    {
        var people = new List<Person> { new() { Name = "ada", Age = 36 } };

        var result = await _proxy.Mutate(people);

        Assert.Equal(36, people[0].Age);
        Assert.NotSame(people, _grain.Received);
        Assert.Equal(37, result[0].Age);
        Assert.NotSame(_grain.Received, result);
    }

    [Fact]
    public async Task Cancellation_token_is_passed_but_not_serialised()
    {
        using var source = new CancellationTokenSource();

        Assert.Equal("x!", await _proxy.Wait("x", source.Token));

        var request = Assert.Single(_runtime.Received);
        Assert.True(request.IsCancellable);
        Assert.Equal(1, request.ArgumentCount);
        Assert.Equal(source.Token, _grain.LastToken);
        var copied = _runtime.Serializer.Deserialize<IInvokable>(_runtime.Serializer.SerializeToArray(request));
        Assert.Equal(CancellationToken.None, copied.CancellationToken);
    }

    [Fact]
    public async Task Exceptions_come_back_as_their_own_type()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _proxy.Fail("broken"));

        Assert.Equal("broken", error.Message);
    }

    [Fact]
    public async Task Method_attributes_become_request_options()
    {
        await _proxy.Peek();
        Assert.Equal(await _proxy.Interleaved(new Point(1, 2)), new Point(2, 2));
        await _proxy.Fire(9);

        var peek = _runtime.Received[0];
        var interleaved = _runtime.Received[1];
        var fire = _runtime.Received[2];
        Assert.Equal(InvokeMethodOptions.ReadOnly, peek.Options);
        Assert.Null(peek.ResponseTimeout);
        Assert.Equal(InvokeMethodOptions.AlwaysInterleave, interleaved.Options);
        Assert.Equal(TimeSpan.FromSeconds(5), interleaved.ResponseTimeout);
        Assert.Equal(InvokeMethodOptions.OneWay, fire.Options);
        Assert.Equal([9], _grain.Fired);
        Assert.Equal(typeof(ICalculatorGrain), interleaved.InterfaceType);
        Assert.Equal(nameof(ICalculatorGrain.Interleaved), interleaved.MethodName);
        Assert.False(interleaved.IsCancellable);
    }

    [Fact]
    public async Task Inherited_methods_report_their_declaring_interface()
    {
        await _proxy.GetName();

        Assert.Equal(typeof(INamedGrain), Assert.Single(_runtime.Received).InterfaceType);
    }

    [Fact]
    public async Task Arguments_can_be_read_and_replaced_as_filters_do()
    {
        await _proxy.Add(1, 2);
        var request = _runtime.Received[0];

        Assert.Equal(1, request.GetArgument(0));
        Assert.Equal(2, request.GetArgument(1));
        request.SetArgument(1, 40);
        var response = await request.Invoke(_grain);
        Assert.Equal(41, response.GetResult<int>());
        Assert.Throws<ArgumentOutOfRangeException>(() => request.GetArgument(2));
    }

    [Fact]
    public async Task Invoke_wraps_a_synchronous_throw_without_throwing()
    {
        await _proxy.Add(1, 2);

        var response = await _runtime.Received[0].Invoke(new object());

        Assert.IsType<InvalidCastException>(response.Exception);
    }

    [Fact]
    public async Task Grain_references_travel_as_references()
    {
        var other = _runtime.GetGrain<INamedGrain>(new GrainId("pinned-name", "2"));
        _runtime.Add(new GrainId("pinned-name", "2"), new PinnedGrain());

        var echoed = await _proxy.Echo(other);

        Assert.NotNull(echoed);
        Assert.Equal(other, echoed);
        Assert.Equal("pinned", await echoed!.GetName());
        Assert.Null(await _proxy.Echo(null));
        Assert.Same(other, _runtime.Serializer.DeepCopy(other));
        Assert.Equal(other, _runtime.Serializer.RoundTrip<object>(other));
    }

    [Fact]
    public async Task Polymorphic_arguments_and_results()
    {
        var largest = await _proxy.Largest([new Square { Side = 100 }, new Circle { Radius = 3, Label = "big" }]);

        Assert.Equal("big", Assert.IsType<Circle>(largest).Label);
    }

    [Fact]
    public async Task Enums_without_GenerateSerializer_travel_in_recorded_results()
    {
        Assert.Equal([Priority.Low, Priority.High], await _proxy.Priorities(Priority.Low));
        Assert.Equal(Priority.High, _runtime.Serializer.RoundTrip<object>(Priority.High));
        var ticket = _runtime.Serializer.RoundTrip(new Ticket { Levels = { ["x"] = [Priority.Low] } });
        Assert.Equal([Priority.Low], ticket.Levels["x"]);
    }

    [Fact]
    public async Task Same_method_on_two_interfaces_dispatches_to_each()
    {
        var id = new GrainId("friend", "1");
        _runtime.Add(id, new FriendGrain());
        var both = _runtime.GetGrain<IBothNamedGrain>(id);

        Assert.Equal("named", await ((INamedGrain)both).GetName());
        Assert.Equal("other", await ((IOtherNamedGrain)both).GetName());
    }

    [Fact]
    public void Grain_interfaces_of_the_contract_have_proxies()
    {
        Assert.True(GeneratedCodeManifest.TryGetProxyFactory(typeof(IRemindable), out _));
        Assert.True(GeneratedCodeManifest.TryGetProxyFactory(typeof(INamedGrain), out _));
    }

    [Fact]
    public void Passing_a_grain_object_instead_of_a_reference_is_a_clear_error()
    {
        var error = Assert.Throws<WireFormatException>(() => _runtime.Serializer.SerializeToArray<INamedGrain>(new PinnedGrain()));

        Assert.Contains("AsReference", error.Message);
    }

    [Fact]
    public void Reading_a_grain_reference_without_a_runtime_is_a_clear_error()
    {
        var bytes = _runtime.Serializer.SerializeToArray(_runtime.GetGrain<INamedGrain>(new GrainId("pinned-name", "3")));

        var error = Assert.Throws<WireFormatException>(() => new Serializer().Deserialize<INamedGrain>(bytes));

        Assert.Contains("IGrainReferenceRuntime", error.Message);
    }
}
