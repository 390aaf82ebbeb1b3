using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.SourceGen.CrossCheck;

namespace Wamr.Tests.Interop.Safety;

/// <summary>
/// In-process: every parameter of the committed guard list throws ArgumentNullException naming the C function and
/// the parameter, before anything native runs; and the generated bindings guard exactly the listed functions.
/// </summary>
[TestClass]
public sealed unsafe class GuardTests
{
    [TestMethod]
    public void GeneratedBindingsGuardExactlyTheListedFunctions()
    {
        SortedDictionary<string, SortedSet<string>> committed = GuardListFile.Read();
        var wrappers = typeof(WasmCApi).GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(GeneratedBindings.IsGuardWrapper)
            .Select(m => m.Name)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
        CollectionAssert.AreEqual(committed.Keys.ToList(), wrappers, "Wamr.Runtime was built from another guard list");
    }

    [TestMethod]
    public void EveryGuardedParameterThrowsArgumentNullException()
    {
        SortedDictionary<string, SortedSet<string>> committed = GuardListFile.Read();
        Assert.IsNotEmpty(committed);
        int checkedParameters = 0;
        foreach ((string function, SortedSet<string> parameters) in committed)
        {
            MethodInfo method = typeof(WasmCApi).GetMethod(function, BindingFlags.Public | BindingFlags.Static)
                ?? throw new AssertFailedException($"WasmCApi has no method {function}");

            // Never call into WAMR with NULL: only a guard wrapper is invoked, and its checks all run before the native call.
            Assert.IsTrue(GeneratedBindings.IsGuardWrapper(method), $"{function} is not a guard wrapper; calling it with NULL would crash the process");
            ParameterInfo[] all = method.GetParameters();
            foreach (string parameter in parameters)
            {
                object?[] arguments = all.Select(p => p.Name == parameter ? NullOf(p.ParameterType) : NonNullOf(p.ParameterType)).ToArray();
                TargetInvocationException e = Assert.ThrowsExactly<TargetInvocationException>(() => method.Invoke(null, arguments));
                ArgumentNullException inner = Assert.IsInstanceOfType<ArgumentNullException>(e.InnerException);
                Assert.AreEqual(parameter, inner.ParamName, function);
                StringAssert.Contains(inner.Message, function);
                checkedParameters++;
            }
        }

        Assert.AreEqual(committed.Values.Sum(p => p.Count), checkedParameters);
    }

    [TestMethod]
    public void GuardedFunctionReachesWamrWithRealArguments()
    {
        // wasm_func_call is guarded; with real arguments the wrapper calls WAMR: the probe module's "id" echoes its argument.
        wasm_engine_t* engine = WasmCApi.wasm_engine_new();
        try
        {
            wasm_store_t* store = WasmCApi.wasm_store_new(engine);
            using wasm_byte_vec_t binary = wasm_byte_vec_t.Create(System.IO.File.ReadAllBytes(System.IO.Path.Combine(NullProbe.SourceDirectory, "probe-module.wasm")));
            wasm_module_t* module = WasmCApi.wasm_module_new(store, &binary);
            Assert.IsTrue(module != null);
            wasm_extern_vec_t imports = default;
            wasm_trap_t* trap = null;
            wasm_instance_t* instance = WasmCApi.wasm_instance_new(store, module, &imports, &trap);
            Assert.IsTrue(instance != null);
            wasm_extern_vec_t exports = default;
            WasmCApi.wasm_instance_exports(instance, &exports);
            wasm_func_t* id = WasmCApi.wasm_extern_as_func(exports[0]);

            wasm_val_t argument = new() { kind = WasmCApi.WASM_I32 };
            argument.of.i32 = 41;
            wasm_val_t result = default;
            wasm_val_vec_t args = new() { size = 1, data = &argument, num_elems = 1, size_of_elem = (nuint)sizeof(wasm_val_t) };
            wasm_val_vec_t results = new() { size = 1, data = &result, num_elems = 1, size_of_elem = (nuint)sizeof(wasm_val_t) };
            Assert.IsTrue(WasmCApi.wasm_func_call(id, &args, &results) == null);
            Assert.AreEqual(WasmCApi.WASM_I32, result.kind);
            Assert.AreEqual(41, result.of.i32);

            WasmCApi.wasm_extern_vec_delete(&exports);
            WasmCApi.wasm_instance_delete(instance);
            WasmCApi.wasm_module_delete(module);
            WasmCApi.wasm_store_delete(store);
        }
        finally
        {
            WasmCApi.wasm_engine_delete(engine);
        }
    }

    private static object? NullOf(Type type) =>
        type.IsPointer ? Pointer.Box(null, type) : type.IsFunctionPointer ? IntPtr.Zero : throw new AssertFailedException($"guarded parameter of type {type} is not a pointer");

    // A non-null value that is never dereferenced: the guarded NULL throws first.
    private static object? NonNullOf(Type type) =>
        type.IsPointer ? Pointer.Box((void*)sizeof(nint), type)
        : type.IsFunctionPointer ? (IntPtr)sizeof(nint)
        : type.IsValueType ? Activator.CreateInstance(type)
        : null;
}
