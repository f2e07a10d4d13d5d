using System.Collections.Concurrent;

namespace QuantumScheduler.Runtime.Scheduling;

/// <summary>
/// Runs one activation's work on the shared thread pool, one work item at a time: at most one thread is
/// ever inside the activation. Code after an <c>await</c> in a grain captures this scheduler (it is
/// <see cref="TaskScheduler.Current"/> during a turn), so continuations come back here too.
/// Which request may start is decided by the activation, not here.
/// </summary>
internal sealed class ActivationTaskScheduler : TaskScheduler, IThreadPoolWorkItem
{
    /// <summary>How many work items one thread-pool visit runs before yielding the thread, so one busy
    /// activation cannot starve the others.</summary>
    private const int WorkItemsPerVisit = 64;

    /// <summary>How deep synchronous hand-offs (a call started inline on the caller's thread) may nest.</summary>
    private const int MaxInlineDepth = 4;

    [ThreadStatic]
    private static ActivationTaskScheduler? t_current;

    [ThreadStatic]
    private static int t_inlineDepth;

    [ThreadStatic]
    private static bool t_inlineRequested;

    private readonly ConcurrentQueue<Task> _queue = new();

    /// <summary>0 when no thread runs or is about to run this scheduler; 1 otherwise.</summary>
    private int _active;

    public int QueuedCount => _queue.Count;

    /// <summary>
    /// Starts <paramref name="task"/> on this scheduler. When the scheduler is idle the task's first segment
    /// runs at once on the calling thread (as if the scheduler had been handed this thread), which saves a
    /// thread hop on the common path of a call to an idle activation; otherwise it is queued.
    /// </summary>
    public void Start(Task task, bool allowInline)
    {
        t_inlineRequested = allowInline && t_inlineDepth < MaxInlineDepth;
        try
        {
            task.Start(this);
        }
        finally
        {
            t_inlineRequested = false;
        }
    }

    protected override void QueueTask(Task task)
    {
        if (t_inlineRequested)
        {
            t_inlineRequested = false;
            if (Interlocked.CompareExchange(ref _active, 1, 0) == 0)
            {
                RunInline(task);
                return;
            }
        }

        _queue.Enqueue(task);
        if (Interlocked.CompareExchange(ref _active, 1, 0) == 0)
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
    }

    /// <summary>A continuation may run inline only on the thread that is already running this activation.</summary>
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        t_current == this && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    void IThreadPoolWorkItem.Execute()
    {
        var previous = t_current;
        t_current = this;
        try
        {
            for (var i = 0; i < WorkItemsPerVisit && _queue.TryDequeue(out var task); i++)
                TryExecuteTask(task);
        }
        finally
        {
            t_current = previous;
            Release();
        }
    }

    private void RunInline(Task task)
    {
        var previous = t_current;
        t_current = this;
        t_inlineDepth++;
        try
        {
            TryExecuteTask(task);
        }
        finally
        {
            t_inlineDepth--;
            t_current = previous;
            Release();
        }
    }

    /// <summary>Gives up the activation; if work arrived meanwhile, schedules another visit.</summary>
    private void Release()
    {
        Volatile.Write(ref _active, 0);
        if (!_queue.IsEmpty && Interlocked.CompareExchange(ref _active, 1, 0) == 0)
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
    }
}
