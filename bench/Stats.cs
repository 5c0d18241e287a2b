namespace ApprovalWorkflow.Bench;

/// <summary>Latency samples and their percentiles (nearest rank), in milliseconds.</summary>
public sealed class Samples(string name)
{
    readonly List<double> values = [];

    public string Name { get; } = name;
    public int Count => values.Count;

    public void Add(TimeSpan elapsed) => values.Add(elapsed.TotalMilliseconds);

    public double Percentile(double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToList();
        int rank = (int)Math.Ceiling(p / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public double P50 => Percentile(50);
    public double P95 => Percentile(95);
    public double Min => values.Count == 0 ? double.NaN : values.Min();
    public double Max => values.Count == 0 ? double.NaN : values.Max();
    public double Mean => values.Count == 0 ? double.NaN : values.Average();
}
