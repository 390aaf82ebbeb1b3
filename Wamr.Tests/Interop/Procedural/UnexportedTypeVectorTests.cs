using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Tests.Coverage;

using static Wamr.Interop.WasmCApi;

#pragma warning disable WAMR001 // calling the functions the library lacks is the point of these tests

namespace Wamr.Tests.Interop.Procedural;

/// <summary>
/// The vectors of global, table, memory and external types: <c>wasm_c_api.h</c> declares their functions, but WAMR
/// 1.1.2 does not implement them (libiwasm exports none). Each binding throws an <c>EntryPointNotFoundException</c>
/// naming the function and saying so, before anything native runs (the arguments are never read).
/// </summary>
[TestClass]
public sealed unsafe class UnexportedTypeVectorTests
{
    [TestMethod]
    [Covers("wasm_globaltype_vec_new_empty", CoverageKind.Positive)]
    [Covers("wasm_globaltype_vec_new_empty", CoverageKind.Negative)]
    public void GlobaltypeVecNewEmptyThrowsAClearError() => NotExported.AssertClearError("wasm_globaltype_vec_new_empty", () => wasm_globaltype_vec_new_empty(null));

    [TestMethod]
    [Covers("wasm_globaltype_vec_new_uninitialized", CoverageKind.Positive)]
    [Covers("wasm_globaltype_vec_new_uninitialized", CoverageKind.Negative)]
    public void GlobaltypeVecNewUninitializedThrowsAClearError() => NotExported.AssertClearError("wasm_globaltype_vec_new_uninitialized", () => wasm_globaltype_vec_new_uninitialized(null, 1));

    [TestMethod]
    [Covers("wasm_globaltype_vec_new", CoverageKind.Positive)]
    [Covers("wasm_globaltype_vec_new", CoverageKind.Negative)]
    public void GlobaltypeVecNewThrowsAClearError() => NotExported.AssertClearError("wasm_globaltype_vec_new", () => wasm_globaltype_vec_new(null, 0, null));

    [TestMethod]
    [Covers("wasm_globaltype_vec_copy", CoverageKind.Positive)]
    [Covers("wasm_globaltype_vec_copy", CoverageKind.Negative)]
    public void GlobaltypeVecCopyThrowsAClearError() => NotExported.AssertClearError("wasm_globaltype_vec_copy", () => wasm_globaltype_vec_copy(null, null));

    [TestMethod]
    [Covers("wasm_globaltype_vec_delete", CoverageKind.Positive)]
    [Covers("wasm_globaltype_vec_delete", CoverageKind.Negative)]
    public void GlobaltypeVecDeleteThrowsAClearError() => NotExported.AssertClearError("wasm_globaltype_vec_delete", () => wasm_globaltype_vec_delete(null));

    [TestMethod]
    [Covers("wasm_tabletype_vec_new_empty", CoverageKind.Positive)]
    [Covers("wasm_tabletype_vec_new_empty", CoverageKind.Negative)]
    public void TabletypeVecNewEmptyThrowsAClearError() => NotExported.AssertClearError("wasm_tabletype_vec_new_empty", () => wasm_tabletype_vec_new_empty(null));

    [TestMethod]
    [Covers("wasm_tabletype_vec_new_uninitialized", CoverageKind.Positive)]
    [Covers("wasm_tabletype_vec_new_uninitialized", CoverageKind.Negative)]
    public void TabletypeVecNewUninitializedThrowsAClearError() => NotExported.AssertClearError("wasm_tabletype_vec_new_uninitialized", () => wasm_tabletype_vec_new_uninitialized(null, 1));

    [TestMethod]
    [Covers("wasm_tabletype_vec_new", CoverageKind.Positive)]
    [Covers("wasm_tabletype_vec_new", CoverageKind.Negative)]
    public void TabletypeVecNewThrowsAClearError() => NotExported.AssertClearError("wasm_tabletype_vec_new", () => wasm_tabletype_vec_new(null, 0, null));

    [TestMethod]
    [Covers("wasm_tabletype_vec_copy", CoverageKind.Positive)]
    [Covers("wasm_tabletype_vec_copy", CoverageKind.Negative)]
    public void TabletypeVecCopyThrowsAClearError() => NotExported.AssertClearError("wasm_tabletype_vec_copy", () => wasm_tabletype_vec_copy(null, null));

    [TestMethod]
    [Covers("wasm_tabletype_vec_delete", CoverageKind.Positive)]
    [Covers("wasm_tabletype_vec_delete", CoverageKind.Negative)]
    public void TabletypeVecDeleteThrowsAClearError() => NotExported.AssertClearError("wasm_tabletype_vec_delete", () => wasm_tabletype_vec_delete(null));

    [TestMethod]
    [Covers("wasm_memorytype_vec_new_empty", CoverageKind.Positive)]
    [Covers("wasm_memorytype_vec_new_empty", CoverageKind.Negative)]
    public void MemorytypeVecNewEmptyThrowsAClearError() => NotExported.AssertClearError("wasm_memorytype_vec_new_empty", () => wasm_memorytype_vec_new_empty(null));

    [TestMethod]
    [Covers("wasm_memorytype_vec_new_uninitialized", CoverageKind.Positive)]
    [Covers("wasm_memorytype_vec_new_uninitialized", CoverageKind.Negative)]
    public void MemorytypeVecNewUninitializedThrowsAClearError() => NotExported.AssertClearError("wasm_memorytype_vec_new_uninitialized", () => wasm_memorytype_vec_new_uninitialized(null, 1));

    [TestMethod]
    [Covers("wasm_memorytype_vec_new", CoverageKind.Positive)]
    [Covers("wasm_memorytype_vec_new", CoverageKind.Negative)]
    public void MemorytypeVecNewThrowsAClearError() => NotExported.AssertClearError("wasm_memorytype_vec_new", () => wasm_memorytype_vec_new(null, 0, null));

    [TestMethod]
    [Covers("wasm_memorytype_vec_copy", CoverageKind.Positive)]
    [Covers("wasm_memorytype_vec_copy", CoverageKind.Negative)]
    public void MemorytypeVecCopyThrowsAClearError() => NotExported.AssertClearError("wasm_memorytype_vec_copy", () => wasm_memorytype_vec_copy(null, null));

    [TestMethod]
    [Covers("wasm_memorytype_vec_delete", CoverageKind.Positive)]
    [Covers("wasm_memorytype_vec_delete", CoverageKind.Negative)]
    public void MemorytypeVecDeleteThrowsAClearError() => NotExported.AssertClearError("wasm_memorytype_vec_delete", () => wasm_memorytype_vec_delete(null));

    [TestMethod]
    [Covers("wasm_externtype_vec_new_empty", CoverageKind.Positive)]
    [Covers("wasm_externtype_vec_new_empty", CoverageKind.Negative)]
    public void ExterntypeVecNewEmptyThrowsAClearError() => NotExported.AssertClearError("wasm_externtype_vec_new_empty", () => wasm_externtype_vec_new_empty(null));

    [TestMethod]
    [Covers("wasm_externtype_vec_new_uninitialized", CoverageKind.Positive)]
    [Covers("wasm_externtype_vec_new_uninitialized", CoverageKind.Negative)]
    public void ExterntypeVecNewUninitializedThrowsAClearError() => NotExported.AssertClearError("wasm_externtype_vec_new_uninitialized", () => wasm_externtype_vec_new_uninitialized(null, 1));

    [TestMethod]
    [Covers("wasm_externtype_vec_new", CoverageKind.Positive)]
    [Covers("wasm_externtype_vec_new", CoverageKind.Negative)]
    public void ExterntypeVecNewThrowsAClearError() => NotExported.AssertClearError("wasm_externtype_vec_new", () => wasm_externtype_vec_new(null, 0, null));

    [TestMethod]
    [Covers("wasm_externtype_vec_copy", CoverageKind.Positive)]
    [Covers("wasm_externtype_vec_copy", CoverageKind.Negative)]
    public void ExterntypeVecCopyThrowsAClearError() => NotExported.AssertClearError("wasm_externtype_vec_copy", () => wasm_externtype_vec_copy(null, null));

    [TestMethod]
    [Covers("wasm_externtype_vec_delete", CoverageKind.Positive)]
    [Covers("wasm_externtype_vec_delete", CoverageKind.Negative)]
    public void ExterntypeVecDeleteThrowsAClearError() => NotExported.AssertClearError("wasm_externtype_vec_delete", () => wasm_externtype_vec_delete(null));
}
