namespace Wamr.Benchmarks.Report;

/// <summary>One .NET benchmark result, in the baseline's terms.</summary>
/// <param name="Operation">The baseline operation it is compared with (<c>add</c>, <c>callback</c>, …).</param>
/// <param name="Path">Which .NET path: <c>procedural</c>, <c>OOP typed</c>, ….</param>
/// <param name="Nanoseconds">Mean time per operation.</param>
/// <param name="AllocatedBytes">Managed bytes allocated per operation, when measured.</param>
/// <param name="ErrorNanoseconds">Half the 99.9 % confidence interval of the mean (BenchmarkDotNet's "Error"), when known.</param>
public sealed record Measurement(string Operation, string Path, double Nanoseconds, long? AllocatedBytes, double? ErrorNanoseconds = null);
