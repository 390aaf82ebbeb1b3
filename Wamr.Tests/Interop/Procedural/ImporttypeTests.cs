using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;
using Wamr.Tests.Interop.Safety;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Procedural;

/// <summary><c>wasm_importtype_*</c>: import types, a module name and a name (both taken over) and an external type (taken over).</summary>
[TestClass]
public sealed unsafe class ImporttypeTests : EngineTestBase
{
    [TestMethod]
    [Covers("wasm_importtype_new", CoverageKind.Positive)]
    public void NewTakesOverNamesAndType()
    {
        wasm_byte_vec_t module = TypeSignatures.Name("env"), name = TypeSignatures.Name("print");
        byte* moduleBytes = module.data;
        wasm_externtype_t* type = wasm_functype_as_externtype(TypeSignatures.Functype(1, 0));
        wasm_importtype_t* import = wasm_importtype_new(&module, &name, type);
        Assert.IsTrue(import != null);
        Assert.IsTrue(wasm_importtype_module(import)->data == moduleBytes, "the import type holds the caller's name storage (do not delete it)");
        Assert.IsTrue(wasm_importtype_type(import) == type, "and the caller's type");
        Assert.AreEqual("env", TypeSignatures.Text(wasm_importtype_module(import)));
        Assert.AreEqual("print", TypeSignatures.Text(wasm_importtype_name(import)));
        wasm_importtype_delete(import);
    }

    [TestMethod]
    [Covers("wasm_importtype_new", CoverageKind.Negative)]
    public void NewRefusesNullsAndAcceptsEmptyNames()
    {
        wasm_byte_vec_t module = TypeSignatures.Name("m"), name = TypeSignatures.Name("n");
        wasm_externtype_t* type = wasm_memorytype_as_externtype(TypeSignatures.Memorytype(1, 1));
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_importtype_new", "module"));
        Assert.IsTrue(wasm_importtype_new(null, &name, type) == null);
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_importtype_new", "name"));
        Assert.IsTrue(wasm_importtype_new(&module, null, type) == null);
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_importtype_new", "arg2"));
        Assert.IsTrue(wasm_importtype_new(&module, &name, null) == null);

        // Refused, so nothing was taken over: the caller still owns all three.
        wasm_byte_vec_delete(&module);
        wasm_byte_vec_delete(&name);
        wasm_externtype_delete(type);

        NullProbe.AssertOddIsSafe("wasm_importtype_new", "empty module and name");
        wasm_byte_vec_t empty1 = default, empty2 = default;
        wasm_importtype_t* import = wasm_importtype_new(&empty1, &empty2, wasm_memorytype_as_externtype(TypeSignatures.Memorytype(1, 1)));
        Assert.IsTrue(import != null, "empty names are not refused");
        Assert.AreEqual(string.Empty, TypeSignatures.Text(wasm_importtype_module(import)));
        Assert.AreEqual(string.Empty, TypeSignatures.Text(wasm_importtype_name(import)));
        wasm_importtype_delete(import);
    }

    [TestMethod]
    [Covers("wasm_importtype_module", CoverageKind.Positive)]
    public void ModuleIsTheModuleName()
    {
        wasm_importtype_t* import = TypeSignatures.Importtype("wasi_snapshot_preview1", "fd_write", wasm_functype_as_externtype(TypeSignatures.Functype(4, 1)));
        Assert.AreEqual("wasi_snapshot_preview1", TypeSignatures.Text(wasm_importtype_module(import)));
        Assert.IsTrue(wasm_importtype_module(import) == wasm_importtype_module(import), "owned by the import type");
        wasm_importtype_delete(import);
    }

    [TestMethod]
    [Covers("wasm_importtype_module", CoverageKind.Negative)]
    public void ModuleOfNullIsNull()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_importtype_module", "arg0"));
        Assert.IsTrue(wasm_importtype_module(null) == null);
    }

    [TestMethod]
    [Covers("wasm_importtype_name", CoverageKind.Positive)]
    public void NameIsTheFieldName()
    {
        wasm_importtype_t* import = TypeSignatures.Importtype("env", "héllo wörld", wasm_functype_as_externtype(TypeSignatures.Functype(0, 0)));
        Assert.AreEqual("héllo wörld", TypeSignatures.Text(wasm_importtype_name(import)), "UTF-8 bytes, no terminating zero");
        Assert.AreEqual((nuint)13, wasm_importtype_name(import)->size);
        wasm_importtype_delete(import);
    }

    [TestMethod]
    [Covers("wasm_importtype_name", CoverageKind.Negative)]
    public void NameOfNullIsNull()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_importtype_name", "arg0"));
        Assert.IsTrue(wasm_importtype_name(null) == null);
    }

    [TestMethod]
    [Covers("wasm_importtype_type", CoverageKind.Positive)]
    public void TypeIsTheExternalType()
    {
        wasm_importtype_t* import = TypeSignatures.Importtype("env", "g", wasm_globaltype_as_externtype(wasm_globaltype_new(wasm_valtype_new(WASM_I64), WASM_CONST)));
        Assert.AreEqual(WASM_EXTERN_GLOBAL, wasm_externtype_kind(wasm_importtype_type(import)));
        Assert.AreEqual("global i64 const", TypeSignatures.Describe(wasm_importtype_type(import)));
        wasm_importtype_delete(import);
    }

    [TestMethod]
    [Covers("wasm_importtype_type", CoverageKind.Negative)]
    public void TypeOfNullIsNull()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_importtype_type", "arg0"));
        Assert.IsTrue(wasm_importtype_type(null) == null);
    }

    [TestMethod]
    [Covers("wasm_importtype_copy", CoverageKind.Positive)]
    public void CopyIsDeep()
    {
        wasm_importtype_t* original = TypeSignatures.Importtype("env", "f", wasm_functype_as_externtype(TypeSignatures.Functype(2, 1)));
        wasm_importtype_t* copy = wasm_importtype_copy(original);
        Assert.IsTrue(copy != null && copy != original);
        Assert.IsTrue(wasm_importtype_name(copy)->data != wasm_importtype_name(original)->data);
        Assert.IsTrue(wasm_importtype_type(copy) != wasm_importtype_type(original));
        Assert.IsTrue(TypeSignatures.SameImporttype((nint)original, (nint)copy));
        wasm_importtype_delete(original);
        Assert.AreEqual("func (i32 i64) -> (i32)", TypeSignatures.Describe(wasm_importtype_type(copy)), "the copy outlives the original");
        wasm_importtype_delete(copy);
    }

    [TestMethod]
    [Covers("wasm_importtype_copy", CoverageKind.Negative)]
    public void CopyOfNullIsNull()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_importtype_copy", "arg0"));
        Assert.IsTrue(wasm_importtype_copy(null) == null);
    }

    [TestMethod]
    [Covers("wasm_importtype_delete", CoverageKind.Positive)]
    public void DeleteReleasesTheTypeItsNamesAndItsExternalType()
    {
        wasm_importtype_t* import = TypeSignatures.Importtype("a-long-enough-module-name", "n", wasm_memorytype_as_externtype(TypeSignatures.Memorytype(1, 1)));
        NativeHeap.Watched self = NativeHeap.Watch(import, "importtype");
        NativeHeap.Watched module = NativeHeap.Watch(wasm_importtype_module(import)->data, "its module name");
        NativeHeap.Watched type = NativeHeap.Watch(wasm_importtype_type(import), "its external type");
        wasm_importtype_delete(import);
        self.AssertReleased();
        module.AssertReleased();
        type.AssertReleased();
    }

    [TestMethod]
    [Covers("wasm_importtype_delete", CoverageKind.Negative)]
    public void DeleteOfNullDoesNothing()
    {
        Assert.AreEqual("void", NullProbe.AssertNullIsSafe("wasm_importtype_delete", "arg0"));
        wasm_importtype_delete(null);
    }
}
