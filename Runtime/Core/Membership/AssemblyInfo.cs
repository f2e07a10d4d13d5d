using System.Runtime.CompilerServices;

// The membership unit tests drive the oracle's rounds (probe, refresh, vote) one at a time on a fake clock.
[assembly: InternalsVisibleTo("Membership.Tests")]
