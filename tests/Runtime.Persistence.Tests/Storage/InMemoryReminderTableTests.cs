using QuantumScheduler.Runtime.Storage;

namespace QuantumScheduler.Runtime.Persistence.Tests.Storage;

public sealed class InMemoryReminderTableTests : ReminderTableContractTests
{
    protected override IReminderTable Table { get; } = new InMemoryReminderTable();
}
