using QuantumScheduler.Grains.Configuration;

namespace QuantumScheduler.Grains.Backends;

/// <summary>
/// The seed's defaults of each family, under whatever the configuration says: classical enabled, weight 1.0,
/// max_problem_size 1000; quantum_simulator enabled, weight 2.0, max_qubits 50; hybrid enabled, weight 1.0, no limit
/// of its own; quantum_hardware disabled until a provider is configured.
/// </summary>
internal static class BackendFamilyDefaults
{
    public static BackendOptions For(string family) => family switch
    {
        BackendFamilies.Classical => new() { Enabled = true, Weight = 1.0, MaxProblemSize = 1000 },
        BackendFamilies.QuantumSimulator => new() { Enabled = true, Weight = 2.0, MaxQubits = 50 },
        BackendFamilies.QuantumHardware => new() { Enabled = false, Weight = 1.0 },
        _ => new() { Enabled = true, Weight = 1.0 },
    };
}
