using System.Buffers;
using System.Diagnostics;
using QuantumScheduler.Runtime;
using QuantumScheduler.Runtime.Invocation;
using QuantumScheduler.Runtime.Serialization;
using QuantumScheduler.Runtime.Serialization.Bench;

var iterations = args.Length > 0 ? int.Parse(args[0]) : 200_000;
var serializer = new Serializer();

var runtime = new CapturingRuntime();
var proxy = (ISchedulerGrain)runtime.CreateReference(new GrainId("scheduler", "main"), typeof(ISchedulerGrain));
await proxy.Assign("task-17", 4, TimeSpan.FromMinutes(30), CancellationToken.None);
var request = runtime.Last!;
var job = new Job { Id = "job-1", Priority = 3, Durations = [1.5, 2.5, 3.5, 4.5], Skills = ["weld", "paint"], Due = DateTime.UtcNow };
var numbers = Enumerable.Range(0, 100).ToList();
var response = Response.FromResult(42);
var jobBytes = serializer.SerializeToArray(job);
var buffer = new ArrayBufferWriter<byte>(1024);

var cases = new (string Name, Action Run)[]
{
    ("DeepCopy small invokable (3 args)", () => serializer.DeepCopy(request)),
    ("DeepCopy Response<int>", () => serializer.DeepCopy<Response>(response)),
    ("DeepCopy string (immutable)", () => serializer.DeepCopy("text")),
    ("DeepCopy Job (5 fields, array, list)", () => serializer.DeepCopy(job)),
    ("DeepCopy List<int> (100)", () => serializer.DeepCopy(numbers)),
    ("Serialize Job to IBufferWriter", () => { buffer.ResetWrittenCount(); serializer.Serialize(job, buffer); }),
    ("Deserialize Job", () => serializer.Deserialize<Job>(jobBytes)),
    ("Serialize+Deserialize IInvokable (typed)", () => serializer.Deserialize<IInvokable>(serializer.SerializeToArray(request))),
};

// Warm every case up by time before measuring any: tiered compilation optimises methods only after a
// delay, in the background, and shared code paths would otherwise favour the cases measured last.
foreach (var (_, run) in cases)
{
    var warmup = Stopwatch.StartNew();
    while (warmup.ElapsedMilliseconds < 500)
        run();
}

Console.WriteLine($"{"operation",-44} {"ns/op",10} {"bytes/op",10}");
Console.WriteLine(new string('-', 66));
foreach (var (name, run) in cases)
{
    var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
    var stopwatch = Stopwatch.StartNew();
    for (var i = 0; i < iterations; i++)
        run();
    stopwatch.Stop();
    var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)iterations;
    Console.WriteLine($"{name,-44} {stopwatch.Elapsed.TotalNanoseconds / iterations,10:F0} {allocated,10:F0}");
}
Console.WriteLine($"Job serialised size: {jobBytes.Length} bytes; invokable: {serializer.SerializeToArray(request).Length} bytes (as IInvokable, with its type name)");
