using QuantumScheduler.Solvers.Quantum.Qubo;

namespace QuantumScheduler.Solvers.Quantum.Hardware;

/// <summary>
/// Samples a QUBO on a provider's device: submit, poll until done or the time limit (then cancel), and return
/// the device's bitstrings with their energies recomputed here (a device's reported energies are not trusted).
/// </summary>
internal sealed class HardwareQuboSampler(IQuantumHardwareProvider provider, int shots, TimeSpan pollInterval) : IQuboSampler
{
    public string Name => provider.Name;

    // The sampler contract is synchronous (samplers are CPU-bound and run on a worker thread); waiting on the
    // provider's I/O here blocks only that worker.
    public QuboSampleSet Sample(QuboModel model, QuboSampleRequest request, CancellationToken cancellationToken) =>
        SampleAsync(model, request, cancellationToken).GetAwaiter().GetResult();

    private async Task<QuboSampleSet> SampleAsync(QuboModel model, QuboSampleRequest request, CancellationToken cancellationToken)
    {
        if (model.VariableCount > provider.Capabilities.MaxQubits)
            throw new NotSupportedException($"{provider.Name} offers {provider.Capabilities.MaxQubits} qubits; the QUBO needs {model.VariableCount}.");
        var submission = new HardwareSubmission { Qubo = model, Shots = Math.Min(shots, provider.Capabilities.MaxShots) };
        var job = await provider.SubmitAsync(submission, cancellationToken).ConfigureAwait(false);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(request.TimeLimit);
        try
        {
            while (true)
            {
                var status = await provider.PollAsync(job, limit.Token).ConfigureAwait(false);
                switch (status.State)
                {
                    case HardwareJobState.Completed:
                        var samples = (status.Samples ?? []).Where(s => s.Length == model.VariableCount).Select(s => new QuboSample(s, model.Energy(s)));
                        return QuboSampleSet.From(samples, timedOut: false);
                    case HardwareJobState.Failed or HardwareJobState.Cancelled:
                        throw new InvalidOperationException($"{provider.Name} job {job} ended {status.State}: {status.Message ?? "no message"}.");
                }
                await Task.Delay(pollInterval, limit.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await provider.CancelAsync(job, CancellationToken.None).ConfigureAwait(false);
            return QuboSampleSet.From([], timedOut: true);
        }
    }
}
