using QuantumScheduler.Runtime;

namespace QuantumScheduler.ClusterTestSilo.Grains;

/// <summary>A grain activated only by its reminder ticks (the test writes the reminder rows itself) that records each
/// of its activations in <see cref="TestTables.Activations"/> and each tick in <see cref="TestTables.ReminderTicks"/>:
/// the membership tests count its activations across a silo's failure without needing a client.</summary>
public interface IRemindedActivationRecorderGrain : IGrainWithStringKey, IRemindable;
