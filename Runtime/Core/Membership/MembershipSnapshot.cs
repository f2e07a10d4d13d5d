namespace QuantumScheduler.Runtime.Membership;

/// <summary>The whole table as read in one statement: every row with its ETag, and the table version they belong to.</summary>
/// <param name="Rows">Every silo's row, in no particular order.</param>
/// <param name="Version">The table version: pass it to the next insert or update, which succeeds only if it is still current.</param>
public sealed record MembershipSnapshot(IReadOnlyList<MembershipRow> Rows, long Version);

/// <summary>A row and its ETag (the token of conditional updates to that row).</summary>
public sealed record MembershipRow(MembershipEntry Entry, string ETag);
