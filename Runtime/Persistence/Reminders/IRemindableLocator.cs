namespace QuantumScheduler.Runtime.Reminders;

/// <summary>Gets a reference to the grain a tick is for (activating it on the call, if it was collected).</summary>
public interface IRemindableLocator
{
    IRemindable GetRemindable(GrainId grainId);
}
