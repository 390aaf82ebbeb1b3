namespace Wamr.Benchmarks.Report;

/// <summary>A goal the project set: a row's time at most <paramref name="MaxRatio"/> times another row's.</summary>
/// <param name="Against">The path of the row compared with (same operation).</param>
/// <param name="MaxRatio">The largest acceptable ratio (1.0 with another engine: at least as fast).</param>
public sealed record Goal(string Against, double MaxRatio);
