namespace QuantumScheduler.Runtime.Membership;

/// <summary>The silo could not join the cluster (it could not reach every active silo in time, or its row could not
/// be written); it did not become active and its start fails.</summary>
public sealed class MembershipJoinException(string message, Exception? innerException = null) : Exception(message, innerException);
