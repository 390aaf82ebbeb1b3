using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop;

/// <summary>
/// <c>WASM_EMPTY_VEC</c> (a positional initializer that fits every vector struct: a value converting implicitly to
/// each) and <c>WASM_ARRAY_VEC</c> (borrows an array without copying: a span for value elements, a pointer and a
/// length for pointer elements, since C# has no span of pointers).
/// </summary>
[TestClass]
public sealed unsafe class VectorMacroTests : EngineTestBase
{
    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static wasm_trap_t* Twice(wasm_val_vec_t* args, wasm_val_vec_t* results)
    {
        results->data[0] = WASM_I32_VAL(args->data[0].of.i32 * 2);
        return null;
    }

    [TestMethod]
    [Covers("WASM_EMPTY_VEC", CoverageKind.Positive)]
    public void EmptyVecIsTheImportsOfAModuleWithoutImports()
    {
        wasm_extern_vec_t imports = WASM_EMPTY_VEC;
        Assert.AreEqual(0, imports.Length);
        Assert.IsTrue(imports.data == null);
        Assert.AreEqual(0u, (uint)imports.num_elems);
        Assert.IsTrue(imports.@lock == null);

        using TestModule module = TestModule.Instantiate(Store, "helpers", imports);
        Span<wasm_val_t> args = stackalloc wasm_val_t[] { WASM_I32_VAL(5) };
        Span<wasm_val_t> results = stackalloc wasm_val_t[] { WASM_INIT_VAL };
        wasm_val_vec_t a = WASM_ARRAY_VEC(args), r = WASM_ARRAY_VEC(results);
        Assert.IsTrue(wasm_func_call(module.Func("echo_i32"), &a, &r) == null);
        Assert.AreEqual(5, results[0].of.i32);
    }

    [TestMethod]
    [Covers("WASM_EMPTY_VEC", CoverageKind.Negative)]
    public void EmptyVecOfEveryKindDeletesAsANoOp()
    {
        wasm_byte_vec_t bytes = WASM_EMPTY_VEC;
        wasm_val_vec_t values = WASM_EMPTY_VEC;
        wasm_valtype_vec_t valtypes = WASM_EMPTY_VEC;
        wasm_extern_vec_t externs = WASM_EMPTY_VEC;
        wasm_frame_vec_t frames = WASM_EMPTY_VEC;
        wasm_byte_vec_delete(&bytes);
        wasm_val_vec_delete(&values);
        wasm_valtype_vec_delete(&valtypes);
        wasm_extern_vec_delete(&externs);
        wasm_frame_vec_delete(&frames);
        Assert.AreEqual(0, bytes.Length + values.Length + valtypes.Length + externs.Length + frames.Length);
    }

    [TestMethod]
    [Covers("WASM_ARRAY_VEC", CoverageKind.Positive)]
    public void ArrayVecBorrowsTheSameMemory()
    {
        Span<wasm_val_t> values = stackalloc wasm_val_t[2] { WASM_I32_VAL(7), WASM_I64_VAL(9) };
        wasm_val_vec_t v = WASM_ARRAY_VEC(values);
        Assert.AreEqual(2, v.Length);
        Assert.AreEqual(2u, (uint)v.num_elems);
        Assert.AreEqual((nuint)sizeof(wasm_val_t), v.size_of_elem);
        Assert.IsTrue(v.data == Unsafe.AsPointer(ref values[0]));
        v.data[1].of.i64 = 10;
        Assert.AreEqual(10L, values[1].of.i64);

        // Through libiwasm: swap(i32 7, i64 9) → (i64 9, i32 7) written into the borrowed results.
        using TestModule module = TestModule.Instantiate(Store, "helpers", WASM_EMPTY_VEC);
        values[1].of.i64 = 9;
        Span<wasm_val_t> results = stackalloc wasm_val_t[2] { WASM_INIT_VAL, WASM_INIT_VAL };
        wasm_val_vec_t r = WASM_ARRAY_VEC(results);
        Assert.IsTrue(wasm_func_call(module.Func("swap"), &v, &r) == null);
        Assert.AreEqual(9L, results[0].of.i64);
        Assert.AreEqual(7, results[1].of.i32);

        // Pointer elements: the imports of a module, from a stack array of externs.
        wasm_functype_t* type = wasm_functype_new_1_1(wasm_valtype_new_i32(), wasm_valtype_new_i32());
        wasm_func_t* twice = wasm_func_new(Store, type, &Twice);
        wasm_functype_delete(type);
        wasm_extern_t** externs = stackalloc wasm_extern_t*[1] { wasm_func_as_extern(twice) };
        wasm_extern_vec_t imports = WASM_ARRAY_VEC(externs, 1);
        Assert.AreEqual(1, imports.Length);
        Assert.IsTrue(imports.data == externs);
        Assert.AreEqual((nuint)sizeof(wasm_extern_t*), imports.size_of_elem);
        using TestModule importing = TestModule.Instantiate(Store, "imports", imports);
        Span<wasm_val_t> arg = stackalloc wasm_val_t[] { WASM_I32_VAL(20) };
        Span<wasm_val_t> result = stackalloc wasm_val_t[] { WASM_INIT_VAL };
        wasm_val_vec_t a2 = WASM_ARRAY_VEC(arg), r2 = WASM_ARRAY_VEC(result);
        Assert.IsTrue(wasm_func_call(importing.Func("call_twice"), &a2, &r2) == null);
        Assert.AreEqual(41, result[0].of.i32);
        wasm_func_delete(twice);
    }

    [TestMethod]
    [Covers("WASM_ARRAY_VEC", CoverageKind.Negative)]
    public void ArrayVecOfNothingIsEmptyAndBadPointerArraysThrow()
    {
        wasm_val_vec_t fromEmpty = WASM_ARRAY_VEC(Span<wasm_val_t>.Empty);
        Assert.AreEqual(0, fromEmpty.Length);
        Assert.IsTrue(fromEmpty.data == null);

        Span<byte> none = stackalloc byte[0];
        wasm_byte_vec_t bytes = WASM_ARRAY_VEC(none);
        Assert.AreEqual(0, bytes.Length);
        Assert.IsTrue(bytes.data == null);

        wasm_extern_vec_t noExterns = WASM_ARRAY_VEC((wasm_extern_t**)null, 0);
        Assert.AreEqual(0, noExterns.Length);
        ArgumentNullException nullArray = Assert.ThrowsExactly<ArgumentNullException>(() => WASM_ARRAY_VEC((wasm_extern_t**)null, 2));
        Assert.AreEqual("array", nullArray.ParamName);
        wasm_extern_t* one = null;
        wasm_extern_t** pointer = &one;
        ArgumentOutOfRangeException negative = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => WASM_ARRAY_VEC(pointer, -1));
        Assert.AreEqual("length", negative.ParamName);
    }
}
