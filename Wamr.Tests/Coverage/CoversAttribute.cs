using System;

namespace Wamr.Tests.Coverage;

/// <summary>
/// Marks a test as covering one C API function or helper, under its C name; the coverage table in
/// <c>docs/</c> is built from these marks.
/// </summary>
/// <param name="function">The C name (e.g. <c>wasm_func_call</c>, <c>WASM_I32_VAL</c>).</param>
/// <param name="kind">Whether the test is the positive or the negative one.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class CoversAttribute(string function, CoverageKind kind) : Attribute
{
    /// <summary>The C name of the covered function or helper.</summary>
    public string Function { get; } = function;

    /// <summary>Whether the test is positive or negative.</summary>
    public CoverageKind Kind { get; } = kind;
}
