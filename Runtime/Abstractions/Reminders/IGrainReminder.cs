namespace QuantumScheduler.Runtime;

/// <summary>A registered reminder of one grain.</summary>
public interface IGrainReminder
{
    string ReminderName { get; }
}
