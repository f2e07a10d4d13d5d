namespace QuantumScheduler.Runtime.Tests.Grains;

public interface IChainGrain : IGrainWithStringKey
{
    /// <summary>Calls <c>other.CallBack(this)</c>, which calls this grain's <see cref="Ping"/>: A → B → A.</summary>
    Task<string> CallViaOther(string otherKey, bool allowReentrancy);

    Task<string> CallBack(string originKey);

    Task<string> Ping();

    /// <summary>Calls the first key, which calls the next, and so on: A → B → C.</summary>
    Task<string> Forward(string[] keys);
}

public sealed class ChainGrain : Grain, IChainGrain
{
    public async Task<string> CallViaOther(string otherKey, bool allowReentrancy)
    {
        var other = GrainFactory.GetGrain<IChainGrain>(otherKey);
        if (!allowReentrancy)
            return await other.CallBack(this.GetPrimaryKeyString());
        using (RequestContext.AllowCallChainReentrancy())
            return await other.CallBack(this.GetPrimaryKeyString());
    }

    public async Task<string> CallBack(string originKey) =>
        this.GetPrimaryKeyString() + ">" + await GrainFactory.GetGrain<IChainGrain>(originKey).Ping();

    public Task<string> Ping() => Task.FromResult("pong from " + this.GetPrimaryKeyString());

    public async Task<string> Forward(string[] keys)
    {
        if (keys.Length == 0)
            return this.GetPrimaryKeyString();
        return this.GetPrimaryKeyString() + ">" + await GrainFactory.GetGrain<IChainGrain>(keys[0]).Forward(keys[1..]);
    }
}
