namespace QuantumScheduler.Solvers.Backends.Tabu;

/// <summary>A neighbourhood move: shift a task to a slot, or swap the slots of two tasks.</summary>
internal readonly record struct Move(MoveKind Kind, int Task, int Slot, int Partner)
{
    public static Move Shift(int task, int slot) => new(MoveKind.Shift, task, slot, -1);

    public static Move Swap(int task, int partner) => new(MoveKind.Swap, task, -1, partner);
}

internal enum MoveKind
{
    None,
    Shift,
    Swap,
}
