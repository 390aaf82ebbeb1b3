using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;
using Wamr.Tests.Interop.Safety;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Procedural;

/// <summary><c>wasm_functype_*</c>: function types, which take over the value-type vectors they are made from.</summary>
[TestClass]
public sealed unsafe class FunctypeTests : EngineTestBase
{
    [TestMethod]
    [Covers("wasm_functype_new", CoverageKind.Positive)]
    public void NewTakesOverTheVectors()
    {
        wasm_valtype_vec_t parameters = TypeSignatures.Valtypes(2), results = TypeSignatures.Valtypes(1);
        wasm_valtype_t** parameterStorage = parameters.data;
        wasm_functype_t* type = wasm_functype_new(&parameters, &results);
        Assert.IsTrue(type != null);
        Assert.IsTrue(wasm_functype_params(type)->data == parameterStorage, "the function type holds the caller's vector storage (do not delete it)");
        Assert.AreEqual("i32 i64", TypeSignatures.KindList(wasm_functype_params(type)));
        Assert.AreEqual("i32", TypeSignatures.KindList(wasm_functype_results(type)));
        wasm_functype_delete(type);
    }

    [TestMethod]
    [Covers("wasm_functype_new", CoverageKind.Negative)]
    public void NewTreatsNullVectorsAsEmptyAndKeepsANullElement()
    {
        Assert.AreEqual("non-NULL", NullProbe.AssertNullIsSafe("wasm_functype_new", "params"));
        Assert.AreEqual("non-NULL", NullProbe.AssertNullIsSafe("wasm_functype_new", "results"));
        wasm_functype_t* type = wasm_functype_new(null, null);
        Assert.IsTrue(type != null);
        Assert.AreEqual((nuint)0, wasm_functype_params(type)->size);
        Assert.AreEqual((nuint)0, wasm_functype_results(type)->size);
        wasm_functype_delete(type);

        // A NULL element is not checked: the type is made, but it cannot be copied.
        Assert.AreEqual("new non-NULL, copy NULL", NullProbe.AssertOddIsSafe("wasm_functype_new", "a NULL parameter type"));
        wasm_valtype_vec_t parameters = wasm_valtype_vec_t.Create((wasm_valtype_t*)null), results = default;
        wasm_functype_t* broken = wasm_functype_new(&parameters, &results);
        Assert.IsTrue(broken != null);
        Assert.IsTrue(wasm_functype_params(broken)->data[0] == null);
        Assert.IsTrue(wasm_functype_copy(broken) == null);
        wasm_functype_delete(broken);
    }

    [TestMethod]
    [Covers("wasm_functype_params", CoverageKind.Positive)]
    public void ParamsAreTheTypesOwnVector()
    {
        wasm_functype_t* type = TypeSignatures.Functype(3, 0);
        wasm_valtype_vec_t* parameters = wasm_functype_params(type);
        Assert.IsTrue(parameters == wasm_functype_params(type), "the same vector every time, owned by the type");
        Assert.AreEqual((nuint)3, parameters->num_elems);
        Assert.AreEqual("i32 i64 f32", TypeSignatures.KindList(parameters));
        wasm_functype_delete(type);
    }

    [TestMethod]
    [Covers("wasm_functype_params", CoverageKind.Negative)]
    public void ParamsOfNullAreNull()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_functype_params", "arg0"));
        Assert.IsTrue(wasm_functype_params(null) == null);
    }

    [TestMethod]
    [Covers("wasm_functype_results", CoverageKind.Positive)]
    public void ResultsAreTheTypesOwnVector()
    {
        wasm_functype_t* type = TypeSignatures.Functype(0, 2);
        wasm_valtype_vec_t* results = wasm_functype_results(type);
        Assert.IsTrue(results == wasm_functype_results(type));
        Assert.AreEqual((nuint)2, results->num_elems);
        Assert.AreEqual("i32 i64", TypeSignatures.KindList(results));
        Assert.AreEqual((nuint)0, wasm_functype_params(type)->num_elems);
        wasm_functype_delete(type);
    }

    [TestMethod]
    [Covers("wasm_functype_results", CoverageKind.Negative)]
    public void ResultsOfNullAreNull()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_functype_results", "arg0"));
        Assert.IsTrue(wasm_functype_results(null) == null);
    }

    [TestMethod]
    [Covers("wasm_functype_copy", CoverageKind.Positive)]
    public void CopyIsDeep()
    {
        wasm_functype_t* original = TypeSignatures.Functype(2, 2);
        wasm_functype_t* copy = wasm_functype_copy(original);
        Assert.IsTrue(copy != null && copy != original);
        Assert.IsTrue(wasm_functype_params(copy) != wasm_functype_params(original));
        Assert.IsTrue(wasm_functype_params(copy)->data[0] != wasm_functype_params(original)->data[0], "value types are copied too");
        Assert.IsTrue(TypeSignatures.SameFunctype((nint)original, (nint)copy));
        wasm_functype_delete(original);
        Assert.AreEqual("i32 i64", TypeSignatures.KindList(wasm_functype_results(copy)), "the copy outlives the original");
        wasm_functype_delete(copy);
    }

    [TestMethod]
    [Covers("wasm_functype_copy", CoverageKind.Negative)]
    public void CopyOfNullIsNull()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_functype_copy", "arg0"));
        Assert.IsTrue(wasm_functype_copy(null) == null);
    }

    [TestMethod]
    [Covers("wasm_functype_delete", CoverageKind.Positive)]
    public void DeleteReleasesTheTypeAndItsValtypes()
    {
        wasm_functype_t* type = TypeSignatures.Functype(1, 1);
        NativeHeap.Watched self = NativeHeap.Watch(type, "functype");
        NativeHeap.Watched parameter = NativeHeap.Watch(wasm_functype_params(type)->data[0], "its parameter type");
        wasm_functype_delete(type);
        self.AssertReleased();
        parameter.AssertReleased();
    }

    [TestMethod]
    [Covers("wasm_functype_delete", CoverageKind.Negative)]
    public void DeleteOfNullDoesNothing()
    {
        Assert.AreEqual("void", NullProbe.AssertNullIsSafe("wasm_functype_delete", "arg0"));
        wasm_functype_delete(null);
    }
}
