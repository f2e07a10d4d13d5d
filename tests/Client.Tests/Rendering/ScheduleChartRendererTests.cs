using QuantumScheduler.Cli.Rendering;

namespace QuantumScheduler.Client.Tests.Rendering;

public sealed class ScheduleChartRendererTests
{
    private static ScheduleView Timed(params ScheduledTaskView[] assignments) => new()
    {
        Backend = "test",
        Status = "Feasible",
        IsFeasible = true,
        Assignments = assignments,
        AgentIds = ["ana", "ben", "idle"],
        IsTimed = true,
    };

    [Fact]
    public void Every_agent_gets_a_row_in_problem_order_and_every_task_is_labelled()
    {
        var schedule = Timed(
            new ScheduledTaskView("design", "ana", 0, 4, null),
            new ScheduledTaskView("build", "ana", 4, 10, null),
            new ScheduledTaskView("x", "ben", 2, 3, null));

        var lines = ScheduleChartRenderer.Render(ScheduleChart.From(schedule), 80);

        var rows = lines.Where(static l => !l.StartsWith(' ')).Skip(1).Select(static l => l.Split(' ')[0]).ToList();
        Assert.Equal(["ana", "ben", "idle"], rows.Take(3));
        Assert.All(["design", "build", "x"], label => Assert.Contains(label, string.Join('\n', lines), StringComparison.Ordinal));
        Assert.All(lines, line => Assert.True(line.Length <= 80, $"wider than the terminal: '{line}'"));
    }

    [Fact]
    public void Bars_sit_at_their_times_scaled_to_the_width()
    {
        var schedule = Timed(
            new ScheduledTaskView("first-half", "ana", 0, 5, null),
            new ScheduledTaskView("second-half", "ben", 5, 10, null));

        var lines = ScheduleChartRenderer.Render(ScheduleChart.From(schedule), 60);

        var ana = Plot(lines, "ana");
        var ben = Plot(lines, "ben");
        Assert.StartsWith("[first-half", ana, StringComparison.Ordinal);
        Assert.EndsWith("]", ana.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(ana.TrimEnd().Length, ben.IndexOf('[', StringComparison.Ordinal));
        // The two halves are equally wide and tile the plot.
        Assert.Equal(ben.TrimEnd().Length - ana.TrimEnd().Length, ana.TrimEnd().Length);
    }

    [Fact]
    public void A_label_too_long_for_its_bar_goes_on_a_line_under_the_row()
    {
        var schedule = Timed(
            new ScheduledTaskView("a-very-long-task-name", "ana", 0, 1, null),
            new ScheduledTaskView("long", "ana", 1, 100, null));

        var lines = ScheduleChartRenderer.Render(ScheduleChart.From(schedule), 80);

        var anaRow = lines.ToList().FindIndex(static l => l.StartsWith("ana ", StringComparison.Ordinal));
        Assert.DoesNotContain("a-very-long-task-name", lines[anaRow], StringComparison.Ordinal);
        Assert.Contains("a-very-long-task-name", lines[anaRow + 1], StringComparison.Ordinal);
        Assert.Contains("[long", lines[anaRow], StringComparison.Ordinal);
    }

    [Fact]
    public void Overlapping_bars_keep_both_labels()
    {
        var schedule = Timed(
            new ScheduledTaskView("left", "ana", 0, 6, null),
            new ScheduledTaskView("right", "ana", 4, 10, null));

        var text = string.Join('\n', ScheduleChartRenderer.Render(ScheduleChart.From(schedule), 80));

        Assert.Contains("left", text, StringComparison.Ordinal);
        Assert.Contains("right", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_durations_each_agent_shows_its_stacked_load()
    {
        var schedule = Timed(
            new ScheduledTaskView("j1", "ana", 0, 1, 3),
            new ScheduledTaskView("j2", "ana", 1, 2, 1),
            new ScheduledTaskView("j3", "ben", 0, 1, 4)) with { IsTimed = false };

        var chart = ScheduleChart.From(schedule);
        var lines = ScheduleChartRenderer.Render(chart, 80);

        Assert.Equal(ChartAxis.Load, chart.Axis);
        Assert.Equal([new ChartBar("j1", "ana", 0, 3), new ChartBar("j2", "ana", 3, 4), new ChartBar("j3", "ben", 0, 4)], chart.Bars);
        Assert.StartsWith("Load by agent", lines[0], StringComparison.Ordinal);
        Assert.Equal(Plot(lines, "ana").TrimEnd().Length, Plot(lines, "ben").TrimEnd().Length); // both carry 4
    }

    [Fact]
    public void Without_times_or_loads_each_agent_shows_its_task_count()
    {
        var schedule = Timed(new ScheduledTaskView("j1", "ana", null, null, null), new ScheduledTaskView("j2", "ana", null, null, null)) with { IsTimed = false };

        var chart = ScheduleChart.From(schedule);

        Assert.Equal(ChartAxis.TaskCount, chart.Axis);
        Assert.Equal(2, chart.Bars.Max(static b => b.End));
    }

    [Fact]
    public void Unassigned_tasks_are_listed_under_the_chart()
    {
        var schedule = Timed(new ScheduledTaskView("a", "ana", 0, 1, null)) with { Unassigned = ["orphan", "stray"] };

        var lines = ScheduleChartRenderer.Render(ScheduleChart.From(schedule), 80);

        Assert.Equal("unassigned: orphan, stray", lines[^1]);
    }

    [Fact]
    public void Ascii_mode_uses_no_box_drawing_characters()
    {
        var schedule = Timed(new ScheduledTaskView("a", "ana", 0, 1, null));

        var lines = ScheduleChartRenderer.Render(ScheduleChart.From(schedule), 80, unicode: false);

        Assert.All(lines, line => Assert.True(line.All(static c => c < 128), $"not ASCII: '{line}'"));
    }

    [Fact]
    public void A_narrow_terminal_still_gets_a_readable_plot()
    {
        var schedule = Timed(new ScheduledTaskView("a", "ana", 0, 1, null));

        var lines = ScheduleChartRenderer.Render(ScheduleChart.From(schedule), 5);

        Assert.True(Plot(lines, "ana").Length >= 1);
        var axis = lines.Single(static line => line.Contains('└', StringComparison.Ordinal));
        Assert.Equal(ScheduleChartRenderer.MinimumPlotWidth, axis.Length - axis.IndexOf('└', StringComparison.Ordinal) - 1);
    }

    /// <summary>The plot part of an agent's row (after the axis bar).</summary>
    private static string Plot(IReadOnlyList<string> lines, string agent)
    {
        var row = lines.First(line => line.StartsWith(agent + " ", StringComparison.Ordinal));
        return row[(row.IndexOf('│', StringComparison.Ordinal) + 1)..];
    }
}
