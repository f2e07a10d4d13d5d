using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace QuantumScheduler.Cli.Connection;

/// <summary>The host builder both connections start from (the embedded silo and the external client).</summary>
internal static class CliHost
{
    /// <summary>
    /// An empty builder: no appsettings.json from wherever qs happens to run, no console lifetime competing with the
    /// command line's Ctrl+C handling. Configuration comes from environment variables (<c>QuantumScheduler__…</c>);
    /// warnings and errors go to stderr, apart from the command's output (<c>Logging__LogLevel__Default=Information</c>
    /// shows more).
    /// </summary>
    public static HostApplicationBuilder CreateBuilder()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddEnvironmentVariables();
        builder.Logging.SetMinimumLevel(LogLevel.Warning)
            .AddConfiguration(builder.Configuration.GetSection("Logging"))
            // A host that fails to start is reported by the command itself, once, without a stack trace.
            .AddFilter("Microsoft.Extensions.Hosting", LogLevel.None)
            .AddSimpleConsole(static console => console.SingleLine = true);
        builder.Services.Configure<ConsoleLoggerOptions>(static console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        return builder;
    }
}
