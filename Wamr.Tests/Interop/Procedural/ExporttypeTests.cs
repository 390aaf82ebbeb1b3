using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;
using Wamr.Tests.Interop.Safety;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Procedural;

/// <summary><c>wasm_exporttype_*</c>: export types, a name (taken over) and an external type (taken over).</summary>
[TestClass]
public sealed unsafe class ExporttypeTests : EngineTestBase
{
    [TestMethod]
    [Covers("wasm_exporttype_new", CoverageKind.Positive)]
    public void NewTakesOverNameAndType()
    {
        wasm_byte_vec_t name = TypeSignatures.Name("memory");
        byte* nameBytes = name.data;
        wasm_externtype_t* type = wasm_memorytype_as_externtype(TypeSignatures.Memorytype(1, 4));
        wasm_exporttype_t* export = wasm_exporttype_new(&name, type);
        Assert.IsTrue(export != null);
        Assert.IsTrue(wasm_exporttype_name(export)->data == nameBytes, "the export type holds the caller's name storage (do not delete it)");
        Assert.IsTrue(wasm_exporttype_type(export) == type, "and the caller's type");
        Assert.AreEqual("memory", TypeSignatures.Text(wasm_exporttype_name(export)));
        wasm_exporttype_delete(export);
    }

    [TestMethod]
    [Covers("wasm_exporttype_new", CoverageKind.Negative)]
    public void NewRefusesNullsAndAcceptsAnEmptyName()
    {
        wasm_byte_vec_t name = TypeSignatures.Name("n");
        wasm_externtype_t* type = wasm_functype_as_externtype(TypeSignatures.Functype(0, 0));
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_exporttype_new", "arg0"));
        Assert.IsTrue(wasm_exporttype_new(null, type) == null);
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_exporttype_new", "arg1"));
        Assert.IsTrue(wasm_exporttype_new(&name, null) == null);

        // Refused, so nothing was taken over.
        wasm_byte_vec_delete(&name);
        wasm_externtype_delete(type);

        NullProbe.AssertOddIsSafe("wasm_exporttype_new", "empty name");
        wasm_byte_vec_t empty = default;
        wasm_exporttype_t* export = wasm_exporttype_new(&empty, wasm_functype_as_externtype(TypeSignatures.Functype(0, 0)));
        Assert.IsTrue(export != null, "an empty name is not refused");
        Assert.AreEqual((nuint)0, wasm_exporttype_name(export)->size);
        wasm_exporttype_delete(export);
    }

    [TestMethod]
    [Covers("wasm_exporttype_name", CoverageKind.Positive)]
    public void NameIsTheExportName()
    {
        wasm_exporttype_t* export = TypeSignatures.Exporttype("_start", wasm_functype_as_externtype(TypeSignatures.Functype(0, 0)));
        Assert.AreEqual("_start", TypeSignatures.Text(wasm_exporttype_name(export)));
        Assert.IsTrue(wasm_exporttype_name(export) == wasm_exporttype_name(export), "owned by the export type");
        wasm_exporttype_delete(export);
    }

    [TestMethod]
    [Covers("wasm_exporttype_name", CoverageKind.Negative)]
    public void NameOfNullIsNull()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_exporttype_name", "arg0"));
        Assert.IsTrue(wasm_exporttype_name(null) == null);
    }

    [TestMethod]
    [Covers("wasm_exporttype_type", CoverageKind.Positive)]
    public void TypeIsTheExternalType()
    {
        wasm_limits_t limits = new() { min = 0, max = 10 };
        wasm_exporttype_t* export = TypeSignatures.Exporttype("table", wasm_tabletype_as_externtype(wasm_tabletype_new(wasm_valtype_new(WASM_ANYREF), &limits)));
        Assert.AreEqual(WASM_EXTERN_TABLE, wasm_externtype_kind(wasm_exporttype_type(export)));
        Assert.AreEqual("table anyref 0..10", TypeSignatures.Describe(wasm_exporttype_type(export)));
        wasm_exporttype_delete(export);
    }

    [TestMethod]
    [Covers("wasm_exporttype_type", CoverageKind.Negative)]
    public void TypeOfNullIsNull()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_exporttype_type", "arg0"));
        Assert.IsTrue(wasm_exporttype_type(null) == null);
    }

    [TestMethod]
    [Covers("wasm_exporttype_copy", CoverageKind.Positive)]
    public void CopyIsDeep()
    {
        wasm_exporttype_t* original = TypeSignatures.Exporttype("g", wasm_globaltype_as_externtype(wasm_globaltype_new(wasm_valtype_new(WASM_F64), WASM_VAR)));
        wasm_exporttype_t* copy = wasm_exporttype_copy(original);
        Assert.IsTrue(copy != null && copy != original);
        Assert.IsTrue(wasm_exporttype_name(copy)->data != wasm_exporttype_name(original)->data);
        Assert.IsTrue(wasm_exporttype_type(copy) != wasm_exporttype_type(original));
        Assert.IsTrue(TypeSignatures.SameExporttype((nint)original, (nint)copy));
        wasm_exporttype_delete(original);
        Assert.AreEqual("global f64 var", TypeSignatures.Describe(wasm_exporttype_type(copy)), "the copy outlives the original");
        wasm_exporttype_delete(copy);
    }

    [TestMethod]
    [Covers("wasm_exporttype_copy", CoverageKind.Negative)]
    public void CopyOfNullIsNull()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_exporttype_copy", "arg0"));
        Assert.IsTrue(wasm_exporttype_copy(null) == null);
    }

    [TestMethod]
    [Covers("wasm_exporttype_delete", CoverageKind.Positive)]
    public void DeleteReleasesTheTypeItsNameAndItsExternalType()
    {
        wasm_exporttype_t* export = TypeSignatures.Exporttype("a-long-enough-export-name", wasm_memorytype_as_externtype(TypeSignatures.Memorytype(1, 1)));
        NativeHeap.Watched self = NativeHeap.Watch(export, "exporttype");
        NativeHeap.Watched name = NativeHeap.Watch(wasm_exporttype_name(export)->data, "its name");
        NativeHeap.Watched type = NativeHeap.Watch(wasm_exporttype_type(export), "its external type");
        wasm_exporttype_delete(export);
        self.AssertReleased();
        name.AssertReleased();
        type.AssertReleased();
    }

    [TestMethod]
    [Covers("wasm_exporttype_delete", CoverageKind.Negative)]
    public void DeleteOfNullDoesNothing()
    {
        Assert.AreEqual("void", NullProbe.AssertNullIsSafe("wasm_exporttype_delete", "arg0"));
        wasm_exporttype_delete(null);
    }
}
