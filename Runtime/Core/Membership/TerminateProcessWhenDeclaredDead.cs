using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Hosting;

namespace QuantumScheduler.Runtime.Membership;

/// <summary>
/// Orleans' fast kill: a silo the cluster declared dead ends at once, with no graceful stop (its grains live on
/// elsewhere, so deactivating them here would write stale state), and the process exits with
/// <see cref="ExitCode"/> so a supervisor restarts it as a new generation.
/// </summary>
public sealed partial class TerminateProcessWhenDeclaredDead(IServiceProvider services, ILogger<TerminateProcessWhenDeclaredDead> logger) : IDeclaredDeadHandler
{
    /// <summary>The exit code of a process whose silo was declared dead (EX_SOFTWARE).</summary>
    public const int ExitCode = 70;

    public void OnDeclaredDead(SiloAddress silo, string reason)
    {
        LogTerminating(logger, silo.ToString(), reason, ExitCode);
        // Killed first, so the host stop that Environment.Exit triggers finds the silo already dead and runs no
        // graceful shutdown (no deactivation, no membership or directory writes).
        services.GetService<Silo>()?.KillAsync().GetAwaiter().GetResult();
        Environment.Exit(ExitCode);
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Silo {Silo} was declared dead by the cluster ({Reason}); the process exits with code {ExitCode}.")]
    private static partial void LogTerminating(ILogger logger, string silo, string reason, int exitCode);
}
