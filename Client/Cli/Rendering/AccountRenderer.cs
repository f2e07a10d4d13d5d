using System.Globalization;
using QuantumScheduler.Client;
using QuantumScheduler.Grains.Backends;
using QuantumScheduler.Grains.Budgets;
using QuantumScheduler.Grains.Costs;
using Spectre.Console;

namespace QuantumScheduler.Cli.Rendering;

/// <summary>Tables for the operator views: backends with their breakers, a budget, a job's cost ledger.</summary>
internal static class AccountRenderer
{
    public static void WriteBackends(IAnsiConsole console, IReadOnlyList<BackendStatus> backends)
    {
        var table = new Table().Border(TableBorder.Minimal)
            .AddColumns(new TableColumn("backend").NoWrap(), new TableColumn("family").NoWrap(), new TableColumn("state").NoWrap(), new TableColumn("breaker").NoWrap(),
                new TableColumn("runs").RightAligned().NoWrap(), new TableColumn("ok").RightAligned().NoWrap(), new TableColumn("p95 ms").RightAligned().NoWrap());
        var notes = new List<string>();
        foreach (var backend in backends)
        {
            var info = backend.Info;
            table.AddRow(Markup.Escape(info.Name), Markup.Escape(info.Family), State(info), Breaker(backend.Breaker),
                info.Stats.Attempts.ToString(CultureInfo.InvariantCulture),
                info.Stats.Attempts == 0 ? "" : (info.Stats.SuccessRate * 100).ToString("0", CultureInfo.InvariantCulture) + "%",
                info.Stats.LatencyP95Ms is { } p95 ? p95.ToString("0", CultureInfo.InvariantCulture) : "");
            if ((info.AvailabilityReason ?? backend.Breaker.LastError ?? (info.Healthy ? null : info.HealthDetail)) is { } note)
                notes.Add($"{Markup.Escape(info.Name)}: {Markup.Escape(note)}");
        }
        console.Write(table);
        foreach (var note in notes)
            console.MarkupLine(note);
    }

    /// <summary>The first thing that keeps jobs off the backend, or ok.</summary>
    private static string State(BackendInfo info) =>
        !info.Enabled ? "[red]disabled[/]" : !info.Available ? "[red]unavailable[/]" : !info.Healthy ? "[yellow]unhealthy[/]" : "[green]ok[/]";

    public static void WriteBudget(IAnsiConsole console, BudgetSnapshot budget)
    {
        var limits = budget.Limits;
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("tenant", Markup.Escape(budget.Tenant));
        grid.AddRow("limits", $"daily {Limit(limits.Daily)}, monthly {Limit(limits.Monthly)} {Markup.Escape(limits.Currency)} ({(limits.Hard ? "hard: refused beyond" : "soft: alerts only")})");
        grid.AddRow("spent today", JobRenderer.Money(budget.SpentToday));
        grid.AddRow("spent this month", JobRenderer.Money(budget.SpentThisMonth));
        grid.AddRow("spent in total", JobRenderer.Money(budget.SpentTotal));
        grid.AddRow("reserved", $"{JobRenderer.Money(budget.Reserved)} ({budget.OpenReservations} open)");
        grid.AddRow("month-end forecast", JobRenderer.Money(budget.ForecastMonthEnd));
        console.Write(grid);
        foreach (var alert in budget.Alerts)
            console.MarkupLine($"[yellow]alert:[/] {Markup.Escape(alert.Period)} spend {JobRenderer.Money(alert.Spent)} crossed {alert.ThresholdPercent} % of {JobRenderer.Money(alert.Limit)} at {alert.At:u}");
    }

    public static void WriteCost(IAnsiConsole console, CostLedger ledger)
    {
        var table = new Table().AddColumns("attempt", "backend", "resource", "quantity", "unit price", "amount");
        foreach (var entry in ledger.Entries)
            table.AddRow(entry.Attempt.ToString(CultureInfo.InvariantCulture), Markup.Escape(entry.Backend), entry.Resource.ToString(),
                entry.Quantity.ToString("0.######", CultureInfo.InvariantCulture), entry.UnitPrice.ToString(CultureInfo.InvariantCulture), JobRenderer.Money(entry.Amount));
        table.AddRow("", "", "", "", "[bold]total[/]", $"[bold]{JobRenderer.Money(ledger.Total)} {Markup.Escape(ledger.Currency)}[/]");
        console.MarkupLine($"cost of job [bold]{Markup.Escape(ledger.JobId)}[/]{(ledger.Tenant is { } tenant ? $" (tenant {Markup.Escape(tenant)})" : "")}");
        console.Write(table);
    }

    private static string Breaker(BreakerSnapshot breaker) => breaker.State switch
    {
        BreakerState.Closed => "[green]closed[/]",
        BreakerState.HalfOpen => "[yellow]half-open[/]",
        _ => $"[red]open[/]{(breaker.RetryAt is { } retry ? $" until {retry:HH:mm:ss}" : "")}",
    };

    private static string Limit(decimal? limit) => limit is { } amount ? JobRenderer.Money(amount) : "unlimited";
}
