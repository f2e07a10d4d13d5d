using QuantumScheduler.Runtime.Storage;

namespace QuantumScheduler.Runtime.Persistence.Tests.Storage;

public sealed class InMemoryGrainStorageTests : GrainStorageContractTests
{
    protected override IGrainStorage Storage { get; } = new InMemoryGrainStorage("memory");
}
