using System.Globalization;

namespace QuantumScheduler.Grains.Autoscaling;

/// <summary>The HPA rule shared by the reactive and predictive sources.</summary>
internal static class ScalingMetrics
{
    /// <summary>
    /// desired = ceil(current × ratio), or current when the ratio is within 1 ± tolerance (Kubernetes' HPA). A ratio a
    /// hair above an integer multiple (floating-point noise) does not add a silo.
    /// </summary>
    public static int Desired(int current, double ratio, double tolerance)
    {
        if (Math.Abs(ratio - 1) <= tolerance)
            return current;
        var exact = current * ratio;
        var rounded = Math.Round(exact);
        return (int)(Math.Abs(exact - rounded) < 1e-9 ? rounded : Math.Ceiling(exact));
    }

    public static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
