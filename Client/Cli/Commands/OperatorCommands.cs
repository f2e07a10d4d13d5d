using System.CommandLine;
using System.Globalization;
using QuantumScheduler.Cli.Connection;
using QuantumScheduler.Cli.Errors;
using QuantumScheduler.Cli.Rendering;

namespace QuantumScheduler.Cli.Commands;

/// <summary><c>qs backends</c> and <c>qs budget</c>: the service's backends and a tenant's spending limits.</summary>
internal static class OperatorCommands
{
    public static Command Backends(CliContext context, GlobalOptions global)
    {
        var command = new Command("backends", "List the backends with their availability, health, statistics and circuit-breaker state.").WithConnectionOptions(global);
        command.SetAction((parseResult, cancellationToken) => ServiceCommand.RunAsync(context, global, parseResult, async (session, token) =>
        {
            AccountRenderer.WriteBackends(context.Console, await session.Client.GetBackendsAsync(token).ConfigureAwait(false));
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    public static Command Budget(CliContext context, GlobalOptions global)
    {
        var tenant = new Argument<string?>("TENANT") { Description = "The tenant (default: default).", Arity = ArgumentArity.ZeroOrOne };
        var daily = new Option<string?>("--daily") { Description = "Set the daily limit: an amount, or 'none' for unlimited." };
        var monthly = new Option<string?>("--monthly") { Description = "Set the monthly limit: an amount, or 'none' for unlimited." };
        var currency = new Option<string?>("--currency") { Description = "Set the currency of the limits (e.g. USD)." };
        var enforcement = new Option<string?>("--enforcement") { Description = "hard: submits beyond a limit are refused; soft: only alerts." };
        enforcement.AcceptOnlyFromAmong("hard", "soft");

        var command = new Command("budget", "Show a tenant's budget (spend, reservations, alerts, forecast); with --daily/--monthly/--currency/--enforcement, change its limits first.")
        {
            tenant, daily, monthly, currency, enforcement,
        }.WithConnectionOptions(global);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            decimal? dailyLimit, monthlyLimit;
            try
            {
                dailyLimit = Limit("--daily", parseResult.GetValue(daily));
                monthlyLimit = Limit("--monthly", parseResult.GetValue(monthly));
            }
            catch (UsageException exception)
            {
                return ErrorReporter.Report(context.Console, exception);
            }

            return await ServiceCommand.RunAsync(context, global, parseResult, async (session, token) =>
            {
                var name = parseResult.GetValue(tenant);
                var budget = await session.Client.GetBudgetAsync(name, token).ConfigureAwait(false);
                var changes = new[] { daily, monthly, currency, enforcement }.Any(option => parseResult.GetResult(option) is not null);
                if (changes)
                {
                    // Only what was given changes; the other limits stay as they are.
                    var limits = budget.Limits;
                    if (parseResult.GetResult(daily) is not null)
                        limits = limits with { Daily = dailyLimit };
                    if (parseResult.GetResult(monthly) is not null)
                        limits = limits with { Monthly = monthlyLimit };
                    if (parseResult.GetValue(currency) is { } code)
                        limits = limits with { Currency = code };
                    if (parseResult.GetValue(enforcement) is { } mode)
                        limits = limits with { Hard = mode == "hard" };
                    budget = await session.Client.ConfigureBudgetAsync(name, limits, token).ConfigureAwait(false);
                }
                AccountRenderer.WriteBudget(context.Console, budget);
                return ExitCodes.Ok;
            }, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static decimal? Limit(string option, string? text)
    {
        if (text is null || text.Equals("none", StringComparison.OrdinalIgnoreCase) || text.Equals("unlimited", StringComparison.OrdinalIgnoreCase))
            return null;
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) && amount >= 0)
            return amount;
        throw new UsageException($"{option} must be a non-negative amount or 'none' (was '{text}').");
    }
}
