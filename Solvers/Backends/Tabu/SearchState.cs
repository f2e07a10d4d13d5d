namespace QuantumScheduler.Solvers.Backends.Tabu;

/// <summary>
/// One assignment under search with incremental bookkeeping: the load of every slot, the total cost, which slots
/// are over capacity and which tasks each slot holds, so that a move is evaluated in O(1) and applied in O(1).
/// </summary>
internal sealed class SearchState
{
    private readonly AssignmentModel _model;
    private readonly int[][] _members;
    private readonly int[] _memberCount;
    private readonly int[] _positionInSlot;

    public SearchState(AssignmentModel model)
    {
        _model = model;
        SlotOf = new int[model.TaskCount];
        SlotLoad = new double[model.SlotCount];
        _members = new int[model.SlotCount][];
        for (var s = 0; s < model.SlotCount; s++) _members[s] = new int[4];
        _memberCount = new int[model.SlotCount];
        _positionInSlot = new int[model.TaskCount];
    }

    /// <summary>The slot of each task.</summary>
    public int[] SlotOf { get; }

    public double[] SlotLoad { get; }

    /// <summary>Σ minimisation-form cost of the assignment (capacity excess not included).</summary>
    public double Cost { get; private set; }

    /// <summary>Number of slots whose load exceeds their capacity.</summary>
    public int OverloadedSlots { get; private set; }

    /// <summary>Whether every hard constraint the search handles holds (capacity, when it is hard).</summary>
    public bool IsFeasible => !_model.HardCapacity || OverloadedSlots == 0;

    /// <summary>The minimisation-form objective: cost plus the soft-capacity penalty when capacity is soft.</summary>
    public double Objective => _model.HardCapacity ? Cost : Cost + _model.SoftCapacityWeight * TotalExcess();

    public int MemberCount(int slot) => _memberCount[slot];

    /// <summary>The tasks in a slot; valid until the next move.</summary>
    public ReadOnlySpan<int> Members(int slot) => _members[slot].AsSpan(0, _memberCount[slot]);

    public double Excess(int slot) => Math.Max(0, SlotLoad[slot] - _model.Capacity[slot]);

    public double TotalExcess()
    {
        double total = 0;
        for (var s = 0; s < SlotLoad.Length; s++) total += Excess(s);
        return total;
    }

    /// <summary>Replaces the assignment and recomputes every total from scratch (exact, no accumulated rounding).</summary>
    public void Load(ReadOnlySpan<int> slotOfTask)
    {
        Array.Clear(SlotLoad);
        Array.Clear(_memberCount);
        double cost = 0;
        for (var t = 0; t < SlotOf.Length; t++)
        {
            var slot = slotOfTask[t];
            SlotOf[t] = slot;
            cost += _model.Cost[t * _model.SlotCount + slot];
            SlotLoad[slot] += _model.Load[t * _model.SlotCount + slot];
            AddMember(slot, t);
        }
        Cost = cost;
        OverloadedSlots = 0;
        for (var s = 0; s < SlotLoad.Length; s++)
            if (IsOverloaded(s)) OverloadedSlots++;
    }

    public void CopyFrom(SearchState other) => Load(other.SlotOf);

    /// <summary>Moves a task to another slot.</summary>
    public void Shift(int task, int toSlot)
    {
        var fromSlot = SlotOf[task];
        var row = task * _model.SlotCount;
        Cost += _model.Cost[row + toSlot] - _model.Cost[row + fromSlot];
        ChangeLoad(fromSlot, -_model.Load[row + fromSlot]);
        ChangeLoad(toSlot, _model.Load[row + toSlot]);
        RemoveMember(fromSlot, task);
        AddMember(toSlot, task);
        SlotOf[task] = toSlot;
    }

    /// <summary>Makes a move.</summary>
    public void Apply(Move move)
    {
        switch (move.Kind)
        {
            case MoveKind.Shift:
                Shift(move.Task, move.Slot);
                break;
            case MoveKind.Swap:
                Swap(move.Task, move.Partner);
                break;
            case MoveKind.Chain:
                Shift(move.Partner, move.PartnerSlot);
                Shift(move.Task, move.Slot);
                break;
        }
    }

    /// <summary>Exchanges the slots of two tasks.</summary>
    public void Swap(int first, int second)
    {
        var firstSlot = SlotOf[first];
        var secondSlot = SlotOf[second];
        Shift(first, secondSlot);
        Shift(second, firstSlot);
    }

    /// <summary>How many slots would be overloaded after the move, without making it.</summary>
    public int OverloadedSlotsAfter(Move move)
    {
        Span<int> slots = stackalloc int[3];
        Span<double> loads = stackalloc double[3];
        var count = 0;
        void Change(int slot, double delta, Span<int> slots, Span<double> loads)
        {
            for (var i = 0; i < count; i++)
            {
                if (slots[i] != slot) continue;
                loads[i] += delta;
                return;
            }
            slots[count] = slot;
            loads[count++] = SlotLoad[slot] + delta;
        }

        var from = SlotOf[move.Task];
        var to = move.Kind == MoveKind.Swap ? SlotOf[move.Partner] : move.Slot;
        Change(from, -LoadOf(move.Task, from), slots, loads);
        Change(to, LoadOf(move.Task, to), slots, loads);
        if (move.Kind != MoveKind.Shift)
        {
            var partnerTo = move.Kind == MoveKind.Swap ? from : move.PartnerSlot;
            Change(to, -LoadOf(move.Partner, to), slots, loads);
            Change(partnerTo, LoadOf(move.Partner, partnerTo), slots, loads);
        }
        var overloaded = OverloadedSlots;
        for (var i = 0; i < count; i++)
            overloaded += (IsOverloaded(slots[i], loads[i]) ? 1 : 0) - (IsOverloaded(slots[i]) ? 1 : 0);
        return overloaded;
    }

    private double LoadOf(int task, int slot) => _model.Load[task * _model.SlotCount + slot];

    private void ChangeLoad(int slot, double delta)
    {
        var wasOverloaded = IsOverloaded(slot);
        SlotLoad[slot] += delta;
        var isOverloaded = IsOverloaded(slot);
        if (wasOverloaded != isOverloaded) OverloadedSlots += isOverloaded ? 1 : -1;
    }

    /// <summary>Over capacity beyond a relative tolerance, so that rounding in fractional loads is not a violation.</summary>
    private bool IsOverloaded(int slot) => IsOverloaded(slot, SlotLoad[slot]);

    private bool IsOverloaded(int slot, double load)
    {
        var capacity = _model.Capacity[slot];
        return load > capacity + 1e-9 * Math.Max(1, Math.Abs(capacity));
    }

    private void AddMember(int slot, int task)
    {
        var members = _members[slot];
        var count = _memberCount[slot];
        if (count == members.Length)
        {
            Array.Resize(ref members, count * 2);
            _members[slot] = members;
        }
        members[count] = task;
        _positionInSlot[task] = count;
        _memberCount[slot] = count + 1;
    }

    private void RemoveMember(int slot, int task)
    {
        var members = _members[slot];
        var last = members[--_memberCount[slot]];
        var position = _positionInSlot[task];
        members[position] = last;
        _positionInSlot[last] = position;
    }
}
