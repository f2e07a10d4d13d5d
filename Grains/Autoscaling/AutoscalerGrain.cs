using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuantumScheduler.Grains.Autoscaling.Load;
using QuantumScheduler.Grains.Autoscaling.Provisioning;
using QuantumScheduler.Grains.Configuration;
using QuantumScheduler.Runtime;

namespace QuantumScheduler.Grains.Autoscaling;

/// <summary>
/// The autoscaler of one cluster (key: cluster name). Each evaluation — on a timer every
/// <see cref="AutoscalerOptions.EvaluationInterval"/> while active, or on demand — reads the load, lets the
/// <see cref="ScalingEngine"/> decide, has the selected <see cref="IClusterProvisioner"/> apply a change, and persists
/// the decision with its inputs and reason. A failed provisioning is recorded (not applied) and still starts the
/// cooldown, so a broken provisioner is not hammered every interval.
/// </summary>
[GrainType("autoscaler")]
public sealed class AutoscalerGrain(
    [PersistentState("autoscaler")] IPersistentState<ScalingMemory> memory,
    IOptions<AutoscalerOptions> options,
    ILoadSource load,
    IEnumerable<IClusterProvisioner> provisioners,
    ILogger<AutoscalerGrain> logger)
    : Grain, IAutoscalerGrain
{
    private readonly ScalingEngine _engine = new(options.Value);
    private readonly IClusterProvisioner _provisioner = provisioners.LastOrDefault(p => p.Name == options.Value.Provisioner)
        ?? throw new InvalidOperationException(
            $"{AutoscalerOptions.SectionName}:Provisioner \"{options.Value.Provisioner}\" is not registered; registered: {string.Join(", ", provisioners.Select(static p => p.Name))}.");

    private string Cluster => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var interval = options.Value.EvaluationInterval;
        if (interval > TimeSpan.Zero)
            RegisterGrainTimer(EvaluateOnTimerAsync, new GrainTimerCreationOptions(interval, interval) { KeepAlive = true });
        return Task.CompletedTask;
    }

    public async Task<ScalingDecision> EvaluateAsync()
    {
        var sample = await load.ReadAsync(Cluster);
        if (_provisioner.CountSilos(Cluster) is { } provisioned)
            sample = sample with { Silos = provisioned };

        var decision = _engine.Evaluate(sample, memory.State, _provisioner.Name);
        if (decision.TargetSilos != decision.CurrentSilos)
            decision = await ApplyAsync(decision);

        memory.State.Record(decision);
        await memory.WriteStateAsync();
        return decision;
    }

    public Task<IReadOnlyList<ScalingDecision>> GetDecisionsAsync(int max) => Task.FromResult(memory.State.Newest(max));

    private async Task<ScalingDecision> ApplyAsync(ScalingDecision decision)
    {
        try
        {
            var result = await _provisioner.ScaleAsync(Cluster, decision.CurrentSilos, decision.TargetSilos);
            logger.LogInformation("Autoscaler {Cluster}: {Current} → {Target} silos ({Source}); {Detail}",
                Cluster, decision.CurrentSilos, decision.TargetSilos, decision.Source, result.Detail);
            return decision with { Applied = result.Applied, Reason = $"{decision.Reason}; {result.Detail}" };
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Autoscaler {Cluster}: provisioner {Provisioner} failed to scale {Current} → {Target}",
                Cluster, _provisioner.Name, decision.CurrentSilos, decision.TargetSilos);
            return decision with { Applied = false, Reason = $"{decision.Reason}; provisioning failed: {exception.Message}" };
        }
    }

    private Task EvaluateOnTimerAsync(CancellationToken cancellationToken) => EvaluateAsync();
}
