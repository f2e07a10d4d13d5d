using Microsoft.Extensions.Options;

namespace QuantumScheduler.Runtime.Membership;

/// <summary>Rejects membership settings under which failure detection could not work.</summary>
public sealed class MembershipOptionsValidator : IValidateOptions<MembershipOptions>
{
    public ValidateOptionsResult Validate(string? name, MembershipOptions options)
    {
        var failures = new List<string>();
        CheckAtLeastOne(failures, nameof(options.NumProbedSilos), options.NumProbedSilos);
        CheckAtLeastOne(failures, nameof(options.NumMissedProbesLimit), options.NumMissedProbesLimit);
        CheckAtLeastOne(failures, nameof(options.NumVotesForDeathDeclaration), options.NumVotesForDeathDeclaration);
        CheckAtLeastOne(failures, nameof(options.NumMissedTableIAmAliveLimit), options.NumMissedTableIAmAliveLimit);
        CheckPositiveFinite(failures, nameof(options.ProbeTimeout), options.ProbeTimeout);
        CheckPositiveFinite(failures, nameof(options.DeathVoteExpirationTimeout), options.DeathVoteExpirationTimeout);
        CheckPositiveFinite(failures, nameof(options.TableRefreshTimeout), options.TableRefreshTimeout);
        CheckPositiveFinite(failures, nameof(options.IAmAliveTablePublishTimeout), options.IAmAliveTablePublishTimeout);
        CheckPositiveFinite(failures, nameof(options.MaxJoinAttemptTime), options.MaxJoinAttemptTime);
        if (failures.Count == 0 && options.DeathVoteExpirationTimeout <= options.WorstCaseDetectionTime)
            failures.Add($"MembershipOptions.DeathVoteExpirationTimeout ({options.DeathVoteExpirationTimeout}) must be longer than ProbeTimeout × (NumMissedProbesLimit + 1) " +
                $"({options.WorstCaseDetectionTime}), or the first vote expires before the last prober can add its own.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckAtLeastOne(List<string> failures, string name, int value)
    {
        if (value < 1)
            failures.Add($"MembershipOptions.{name} must be at least 1, got {value}.");
    }

    private static void CheckPositiveFinite(List<string> failures, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero || value == Timeout.InfiniteTimeSpan || value >= TimeSpan.FromDays(1))
            failures.Add($"MembershipOptions.{name} must be positive and shorter than a day, got {value}.");
    }
}
