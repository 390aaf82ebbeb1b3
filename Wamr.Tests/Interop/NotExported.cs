using System;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.SourceGen.Emitting;

namespace Wamr.Tests.Interop;

/// <summary>
/// The clear-error test of a function <c>wasm_c_api.h</c> declares but libiwasm does not export: calling its binding
/// throws <see cref="EntryPointNotFoundException"/> naming the function, the header and what provides it. For such a
/// function this one test counts as positive and negative in the coverage table.
/// </summary>
internal static class NotExported
{
    /// <summary>Asserts that <paramref name="call"/> (a call of <paramref name="function"/>) throws the clear error.</summary>
    public static void AssertClearError(string function, Action call)
    {
        // Calling an exported function with the dummy arguments of a clear-error test could crash: refuse first.
        Assert.IsFalse(WasmCApiHeader.IsExported(function), $"libiwasm exports {function}: it needs real positive and negative tests");
        EntryPointNotFoundException e = Assert.ThrowsExactly<EntryPointNotFoundException>(call);
        StringAssert.Contains(e.Message, function);
        StringAssert.Contains(e.Message, WasmCApiHeader.FileName);
        StringAssert.Contains(e.Message, MissingExportHints.For(function));
    }
}
