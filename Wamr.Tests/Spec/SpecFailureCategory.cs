using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace Wamr.Tests.Spec;

/// <summary>
/// A limitation of WAMR 1.1.2 that makes spec assertions fail through the binding, with its proof at the C level: a
/// case of <c>repros/repros.c</c> run against the same libiwasm by <see cref="SpecReproTests"/>.
/// </summary>
/// <param name="Id">The id used in <c>expected-failures.txt</c>.</param>
/// <param name="Summary">What WAMR does.</param>
/// <param name="Proof">The repro case(s) that show it in C (<c>repros/repros.c</c>).</param>
public sealed partial record SpecFailureCategory(string Id, string Summary, string Proof)
{
    /// <summary>Every category, in the order of the results page.</summary>
    public static readonly IReadOnlyList<SpecFailureCategory> All =
    [
        new("ref-call", "a funcref or externref crossing wasm_func_call crashes (funcref) or is passed wrongly (externref: null is not ref.null, later arguments shift); the façade calls through the engine extension instead (without it, it refuses such calls with NotSupportedException)", "repros.c: funcref-result, funcref-param, externref-null, externref-shift"),
        new("memory-table-import", "memory and table imports are refused (\"Failed to validate imports\"), host-made and exported ones alike; the façade reports them in a LinkException", "repros.c: memory-import, table-import"),
        new("ref-global-import", "a funcref or externref global import is refused (\"Failed to validate imports\")", "repros.c: ref-global-import"),
        new("global-import-copy", "a global exported by one instance and imported by another is a copy: the importer does not see the exporter's later writes", "repros.c: global-import-copy"),
        new("start-import", "a start function that calls a host import crashes during instantiation (imports are bound after it runs); the façade has the engine extension take the start function from modules loaded from wasm and runs it after instantiation, and refuses such modules where it cannot (precompiled, or without the extension)", "repros.c: start-import"),
        new("snan-rounding", "floor, ceil, trunc and nearest return a signalling NaN unchanged instead of an arithmetic (quiet) NaN", "repros.c: snan-rounding"),
        new("table-init-bounds", "table.init does not trap for zero elements past the end of the table or segment, nor for a declarative segment", "repros.c: table-init-bounds"),
        new("validator-accepts", "WAMR's validator accepts modules the specification rejects (constant expressions, unknown globals, element types)", "repros.c: validate, on the suite's own .wasm files"),
        new("loader-rejects-valid", "WAMR's loader rejects valid modules (an empty custom section name, br_table after unreachable)", "repros.c: validate, on the suite's own .wasm files"),
        new("export-name-nul", "export names are C strings: a name with an embedded NUL is cut at it", "repros.c: export-name-nul"),
    ];

    /// <summary>The category with <paramref name="id"/>, or null.</summary>
    public static SpecFailureCategory? Find(string id) => All.FirstOrDefault(c => c.Id == id);

    /// <summary>
    /// The category a failure's own text shows, or null when the text alone cannot tell (a wrong value left behind
    /// by an earlier failure; <c>expected-failures.txt</c> names those by hand).
    /// </summary>
    public static string? Classify(string command, string detail)
    {
        if (detail.Contains("crosses wasm_func_call", StringComparison.Ordinal))
        {
            return "ref-call";
        }

        if (detail.Contains("cannot import a memory", StringComparison.Ordinal) || detail.Contains("cannot import a table", StringComparison.Ordinal))
        {
            return "memory-table-import";
        }

        if (detail.Contains("cannot import a reference-typed global", StringComparison.Ordinal))
        {
            return "ref-global-import";
        }

        if (detail.Contains("has a start function and imports functions", StringComparison.Ordinal))
        {
            return "start-import";
        }

        if (command is "assert_invalid" or "assert_malformed" && detail.StartsWith("accepted a module", StringComparison.Ordinal))
        {
            return "validator-accepts";
        }

        if (command == "module" && detail.StartsWith("WasmException: WAMR rejected the module: ", StringComparison.Ordinal))
        {
            return "loader-rejects-valid";
        }

        if (detail.Contains("exports no function", StringComparison.Ordinal) && detail.Contains("\\00", StringComparison.Ordinal))
        {
            return "export-name-nul";
        }

        if (command == "assert_trap" && detail.EndsWith("instead of trapping (out of bounds table access)", StringComparison.Ordinal))
        {
            return "table-init-bounds";
        }

        Match nan = SignallingNanPattern().Match(detail);
        if (command == "assert_return" && nan.Success && IsSignallingNan(nan.Groups[1].Value, nan.Groups[2].Value))
        {
            return "snan-rounding";
        }

        return null;
    }

    private static bool IsSignallingNan(string width, string hex)
    {
        ulong bits = ulong.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return width == "32"
            ? (bits & 0x7F80_0000ul) == 0x7F80_0000ul && (bits & 0x0040_0000ul) == 0 && (bits & 0x003F_FFFFul) != 0
            : (bits & 0x7FF0_0000_0000_0000ul) == 0x7FF0_0000_0000_0000ul && (bits & 0x0008_0000_0000_0000ul) == 0 && (bits & 0x0007_FFFF_FFFF_FFFFul) != 0;
    }

    [GeneratedRegex(@"^returned \(f(32|64)\.const 0x([0-9a-f]+)\) instead of \(f\1\.const nan:arithmetic\)$")]
    private static partial Regex SignallingNanPattern();
}
