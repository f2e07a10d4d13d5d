using System.Globalization;
using System.Text;

namespace QuantumScheduler.Cli.Rendering;

/// <summary>
/// Draws a <see cref="ScheduleChart"/> as plain text lines of a given width: agents as rows, the x axis scaled so the
/// longest row fills the width, each task a bar <c>[label===]</c>. A label that does not fit inside its bar (short
/// bar, or bars overlapping on one row) is written on a line under the row, below its bar's start, so every task is
/// named.
/// </summary>
internal static class ScheduleChartRenderer
{
    /// <summary>Narrower terminals still get this many plot columns (the lines wrap).</summary>
    public const int MinimumPlotWidth = 20;

    private const int MaximumRowNameWidth = 24;

    /// <summary>Columns kept free right of the plot, where the axis' last number may end.</summary>
    private const int NumberRoom = 4;

    /// <summary>At least this many columns between two numbered ticks.</summary>
    private const int ColumnsPerTick = 10;

    /// <param name="chart">What to draw.</param>
    /// <param name="width">The terminal's width in columns.</param>
    /// <param name="unicode">Box-drawing characters for the axes; false: ASCII only, for terminals without Unicode.</param>
    public static IReadOnlyList<string> Render(ScheduleChart chart, int width, bool unicode = true)
    {
        var glyphs = unicode ? Glyphs.Unicode : Glyphs.Ascii;
        ArgumentNullException.ThrowIfNull(chart);
        var lines = new List<string>();
        if (chart.Rows.Count == 0)
        {
            lines.Add("(no agents)");
            return lines;
        }

        var nameWidth = Math.Clamp(chart.Rows.Max(static row => row.Length), 4, MaximumRowNameWidth);
        var plotWidth = Math.Max(MinimumPlotWidth, width - nameWidth - 2 - NumberRoom);
        var extent = chart.Bars.Count == 0 ? 1 : Math.Max(chart.Bars.Max(static bar => bar.End), 1e-9);
        var scale = plotWidth / extent;

        lines.Add($"{Title(chart.Axis)} (one column = {Number(extent / plotWidth)} {Unit(chart.Axis)})");
        foreach (var row in chart.Rows)
            DrawRow(lines, row, chart.Bars.Where(bar => bar.Row == row).OrderBy(static bar => bar.Start).ToList(), nameWidth, plotWidth, scale, glyphs);
        DrawAxis(lines, nameWidth, plotWidth, extent, scale, glyphs);
        if (chart.Unassigned.Count > 0)
            lines.Add($"unassigned: {string.Join(", ", chart.Unassigned)}");
        return lines;
    }

    private static void DrawRow(List<string> lines, string row, List<ChartBar> bars, int nameWidth, int plotWidth, double scale, Glyphs glyphs)
    {
        var spans = bars.Select(bar => Span(bar, plotWidth, scale)).ToList();
        var plot = Blank(plotWidth);
        var labelLines = new List<char[]>();
        for (var i = 0; i < bars.Count; i++)
        {
            var (from, to) = spans[i];
            var label = bars[i].Label;
            var overlaps = spans.Where((other, j) => j != i && other.From < to && from < other.To).Any();
            var inside = !overlaps && to - from >= label.Length + 2;
            DrawBar(plot, from, to, inside ? label : "");
            if (!inside)
                PlaceLabel(labelLines, label, from, plotWidth);
        }

        lines.Add($"{Name(row, nameWidth)} {glyphs.Vertical}{new string(plot).TrimEnd()}");
        lines.AddRange(labelLines.Select(line => $"{new string(' ', nameWidth)} {glyphs.Vertical}{new string(line).TrimEnd()}"));
    }

    /// <summary>The bar's columns [From, To): at least one column wide, inside the plot. Both ends round the same way,
    /// so a bar that ends where the next begins does not overlap it.</summary>
    private static (int From, int To) Span(ChartBar bar, int plotWidth, double scale)
    {
        var from = Math.Clamp(Column(bar.Start, scale), 0, plotWidth - 1);
        var to = Math.Clamp(Column(bar.End, scale), from + 1, plotWidth);
        return (from, to);
    }

    private static int Column(double value, double scale) => (int)Math.Round(value * scale, MidpointRounding.AwayFromZero);

    private static void DrawBar(char[] plot, int from, int to, string label)
    {
        if (to - from == 1)
        {
            plot[from] = '|';
            return;
        }
        plot[from] = '[';
        plot[to - 1] = ']';
        for (var column = from + 1; column < to - 1; column++)
            plot[column] = column - from - 1 < label.Length ? label[column - from - 1] : '=';
    }

    /// <summary>Writes the label on the first line under the row where it is free, starting below the bar.</summary>
    private static void PlaceLabel(List<char[]> labelLines, string label, int column, int plotWidth)
    {
        if (label.Length > plotWidth)
            label = label[..plotWidth];
        var start = Math.Min(column, plotWidth - label.Length);
        var line = labelLines.FirstOrDefault(candidate => IsFree(candidate, start, label.Length));
        if (line is null)
        {
            line = Blank(plotWidth);
            labelLines.Add(line);
        }
        label.CopyTo(0, line, start, label.Length);
    }

    /// <summary>Free: blank under the label and one column either side, so neighbouring labels stay apart.</summary>
    private static bool IsFree(char[] line, int start, int length)
    {
        for (var column = Math.Max(0, start - 1); column < Math.Min(line.Length, start + length + 1); column++)
        {
            if (line[column] != ' ')
                return false;
        }
        return true;
    }

    private static void DrawAxis(List<string> lines, int nameWidth, int plotWidth, double extent, double scale, Glyphs glyphs)
    {
        var step = NiceStep(extent * ColumnsPerTick / plotWidth);
        var axis = new StringBuilder().Append(new string(' ', nameWidth)).Append(' ').Append(glyphs.Corner).Append(glyphs.Horizontal, plotWidth);
        // Room past the axis' end for the last number.
        var numbers = Blank(plotWidth + NumberRoom);
        var free = 0;
        for (var tick = 0; tick <= plotWidth; tick++)
        {
            var value = tick * step;
            if (value > extent * (1 + 1e-9))
                break;
            var column = Column(value, scale);
            var text = Number(value);
            if (column < free || column + text.Length > numbers.Length)
                continue;
            axis[nameWidth + 2 + Math.Min(column, plotWidth - 1)] = glyphs.Tick;
            text.CopyTo(0, numbers, column, text.Length);
            free = column + text.Length + 1;
        }
        lines.Add(axis.ToString());
        lines.Add($"{new string(' ', nameWidth)}  {new string(numbers).TrimEnd()}");
    }

    /// <summary>1, 2 or 5 times a power of ten, at least <paramref name="rough"/>.</summary>
    private static double NiceStep(double rough)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(Math.Max(rough, 1e-12))));
        foreach (var factor in (double[])[1, 2, 5, 10])
        {
            if (factor * magnitude >= rough)
                return factor * magnitude;
        }
        return 10 * magnitude;
    }

    private sealed record Glyphs(char Vertical, char Corner, char Horizontal, char Tick)
    {
        public static readonly Glyphs Unicode = new('│', '└', '─', '┬');
        public static readonly Glyphs Ascii = new('|', '+', '-', '+');
    }

    private static char[] Blank(int width) => Enumerable.Repeat(' ', width).ToArray();

    private static string Name(string row, int width) =>
        row.Length <= width ? row.PadRight(width) : row[..(width - 1)] + "…";

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Title(ChartAxis axis) => axis switch
    {
        ChartAxis.Time => "Schedule by agent over time",
        ChartAxis.Load => "Load by agent (the problem has no durations)",
        _ => "Tasks by agent (the problem has no durations)",
    };

    private static string Unit(ChartAxis axis) => axis switch
    {
        ChartAxis.Time => "time units",
        ChartAxis.Load => "load units",
        _ => "tasks",
    };
}
