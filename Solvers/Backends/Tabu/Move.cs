namespace QuantumScheduler.Solvers.Backends.Tabu;

/// <summary>
/// A neighbourhood move: shift a task to a slot; swap the slots of two tasks; or an ejection chain, where the task
/// moves to <see cref="Slot"/> and pushes <see cref="Partner"/> out of it to <see cref="PartnerSlot"/>.
/// </summary>
internal readonly record struct Move(MoveKind Kind, int Task, int Slot, int Partner, int PartnerSlot)
{
    public static Move Shift(int task, int slot) => new(MoveKind.Shift, task, slot, -1, -1);

    public static Move Swap(int task, int partner) => new(MoveKind.Swap, task, -1, partner, -1);

    public static Move Chain(int task, int slot, int partner, int partnerSlot) => new(MoveKind.Chain, task, slot, partner, partnerSlot);
}

internal enum MoveKind
{
    None,
    Shift,
    Swap,
    Chain,
}
