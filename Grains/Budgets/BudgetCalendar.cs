using System.Globalization;

namespace QuantumScheduler.Grains.Budgets;

/// <summary>The budget's periods: calendar days and months in UTC.</summary>
internal readonly record struct BudgetCalendar(DateTimeOffset Now)
{
    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public DateOnly FirstOfMonth => new(Today.Year, Today.Month, 1);

    /// <summary>Everything from this day on is kept; older days, settlements and alerts are pruned.</summary>
    public DateOnly FirstOfPreviousMonth => FirstOfMonth.AddMonths(-1);

    public int DaysInMonth => DateTime.DaysInMonth(Today.Year, Today.Month);

    /// <summary>Time elapsed since the month began, in (fractional) days.</summary>
    public decimal ElapsedDaysOfMonth =>
        (decimal)(Now.UtcDateTime - FirstOfMonth.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)).TotalDays;

    public string DayName => Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string MonthName => Today.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The alert period of today, e.g. <c>daily:2026-11-25</c>.</summary>
    public string DayKey => "daily:" + DayName;

    /// <summary>The alert period of this month, e.g. <c>monthly:2026-11</c>.</summary>
    public string MonthKey => "monthly:" + MonthName;

    public bool IsThisMonth(int dayNumber) => dayNumber >= FirstOfMonth.DayNumber;
}
