using System.Globalization;
using Spectre.Console;

namespace QuantumScheduler.Cli.Rendering;

/// <summary>Shows a schedule: a summary, a table of assignments, the chart, and any violations.</summary>
internal static class ResultRenderer
{
    public static void Write(IAnsiConsole console, ScheduleView schedule)
    {
        var feasibility = schedule.IsFeasible ? "[green]feasible[/]" : "[red]not feasible[/]";
        console.MarkupLine($"[bold]{Markup.Escape(schedule.Status)}[/] ({feasibility}) on [bold]{Markup.Escape(schedule.Backend)}[/]" +
                           $"{(schedule.FromCache ? " [grey](from the solution cache)[/]" : "")}");
        console.MarkupLine($"objective {Format(schedule.Objective)}{(schedule.Bound is { } bound ? $", bound {Format(bound)}" : "")}" +
                           $"{(schedule.Gap is { } gap ? $", gap {gap.ToString("P2", CultureInfo.InvariantCulture)}" : "")}, wall time {schedule.WallTime.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s");
        if (schedule.ClassicalReferenceObjective is { } reference)
            console.MarkupLine($"classical reference: {Format(reference)} ({Markup.Escape(schedule.ClassicalReferenceBackend ?? "classical")})");

        console.Write(AssignmentTable(schedule));
        foreach (var line in ScheduleChartRenderer.Render(ScheduleChart.From(schedule), console.Profile.Width, console.Profile.Capabilities.Unicode))
            console.WriteLine(line);

        if (schedule.Violations.Count > 0)
        {
            console.MarkupLine("[yellow]violations:[/]");
            foreach (var violation in schedule.Violations)
                console.MarkupLine($"  - {Markup.Escape(violation)}");
        }
    }

    private static Table AssignmentTable(ScheduleView schedule)
    {
        var table = new Table().AddColumns("task", "agent");
        var timed = schedule.Assignments.Any(static a => a.Start is not null);
        var loaded = schedule.Assignments.Any(static a => a.Load is not null);
        if (timed)
            table.AddColumns(new TableColumn("start").RightAligned(), new TableColumn("end").RightAligned());
        if (loaded)
            table.AddColumn(new TableColumn("load").RightAligned());
        foreach (var assignment in schedule.Assignments)
        {
            var cells = new List<string> { Markup.Escape(assignment.TaskId), Markup.Escape(assignment.AgentId) };
            if (timed)
                cells.AddRange([Format(assignment.Start), Format(assignment.End)]);
            if (loaded)
                cells.Add(Format(assignment.Load));
            table.AddRow(cells.ToArray());
        }
        foreach (var task in schedule.Unassigned)
            table.AddRow([Markup.Escape(task), "[red]unassigned[/]", .. Enumerable.Repeat("", table.Columns.Count - 2)]);
        return table;
    }

    public static string Format(double? value) => value is { } number ? number.ToString("0.####", CultureInfo.InvariantCulture) : "";
}
