namespace Wamr.Benchmarks.Report;

/// <summary>One operation of the report.</summary>
/// <param name="Name">Its name (a benchmark's first <c>BenchmarkCategory</c>; the C baseline's operation name).</param>
/// <param name="Description">What the table says it measures.</param>
/// <param name="ReferencePath">The row the others are divided by.</param>
/// <param name="BytesPerOperation">For throughput workloads: bytes processed per operation (the table adds MB/s).</param>
public sealed record OperationInfo(string Name, string Description, string ReferencePath, double? BytesPerOperation = null);
