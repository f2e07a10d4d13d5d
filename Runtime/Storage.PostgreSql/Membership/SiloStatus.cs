namespace QuantumScheduler.Runtime.Membership;

/// <summary>A silo's lifecycle as recorded in the membership table (Orleans' values). A Dead row never becomes Active again.</summary>
public enum SiloStatus
{
    None = 0,
    Created = 1,
    Joining = 2,
    Active = 3,
    ShuttingDown = 4,
    Stopping = 5,
    Dead = 6,
}
