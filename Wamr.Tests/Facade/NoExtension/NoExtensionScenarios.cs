using System;
using System.IO;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;

namespace Wamr.Tests.Facade.NoExtension;

/// <summary>
/// What works, and what refuses clearly, with a libiwasm that lacks the engine extension. Each public static method is one
/// scenario; it runs inside <see cref="NoExtensionRuntime"/>'s load context (so <c>Wamr</c> here is the copy bound to the
/// library without the extension) and <see cref="NoExtensionTests"/> runs every one of them as a test case. To cover a
/// feature that needs the extension, add a method that expects its <see cref="NotSupportedException"/>
/// (<see cref="AssertNeedsExtension"/>).
/// </summary>
public static class NoExtensionScenarios
{
    /// <summary>The extension is detected as missing, once, with the reason.</summary>
    public static void TheExtensionIsDetectedAsMissing()
    {
        Assert.IsFalse(WamrExtension.IsAvailable);
        StringAssert.Contains(WamrNativeLibrary.LoadedFrom, "native-noext");
        StringAssert.Contains(WamrExtension.UnavailableReason, "does not export wamr_ext_abi_version");
        StringAssert.Contains(WamrExtension.UnavailableReason, "native-noext");
    }

    /// <summary>Instantiation and typed calls work, on the C API's path (<c>wasm_func_call</c>).</summary>
    public static void InstancesAndTypedCallsWorkOnTheCApiPath()
    {
        Run(store =>
        {
            Instance arith = new(store, Load(store, "arith"));
            Func<int, int, int> add = arith.GetFunction<int, int, int>("add")!;
            Assert.AreEqual("TypedCall", add.Target!.GetType().Name, "the fast path falls back silently");
            Assert.AreEqual(5, add(2, 3));
            Assert.AreEqual(10.5, arith.GetFunction<int, long, float, double, double>("mix")!(1, 2, 3.5f, 4.0));
            arith.GetAction("nothing")!();
            Assert.AreEqual(Val.I64(21), arith.GetFunction("sum6")!.Call(1, 2, 3, 4, 5, 6)[0]);

            Func<int, int, int> div = arith.GetFunction<int, int, int>("div")!;
            Assert.AreEqual("integer divide by zero", Assert.ThrowsExactly<TrapException>(() => div(1, 0)).TrapMessage);
            Assert.AreEqual(3, div(9, 3));
        });
    }

    /// <summary>Host functions, linking by name and memory work.</summary>
    public static void HostFunctionsAndLinkingWork()
    {
        Run(store =>
        {
            Instance math = new(store, Load(store, "arith"));
            Instance linked = new Linker()
                .DefineInstance("math", math)
                .Define("host", "offset", Global.Create(store, new GlobalType(ValType.I32, Mutability.Const), Val.I32(1000)))
                .Instantiate(store, Load(store, "linking"));
            Assert.AreEqual(1000 + 1 + 42, linked.GetFunction<int, int>("add_answer")!(1));

            int seen = 0;
            Instance forward = new Linker().Define("math", "div", Func.FromCallback(store, (int a, int b) => { seen++; return a / b; }))
                .Instantiate(store, Load(store, "forward"));
            Assert.AreEqual(4, forward.GetFunction<int, int, int>("divide")!(8, 2));
            Assert.AreEqual(1, seen);
        });
    }

    /// <summary>Calls with funcref or externref parameters or results need the extension: refused before WAMR runs.</summary>
    public static void ReferenceCallsNeedTheExtension()
    {
        Run(store =>
        {
            Instance refs = new(store, Load(store, "refs"));
            AssertNeedsExtension(() => refs.GetFunction("is_null_func")!.Call(Val.FuncRef(null)), "funcref or externref");
            AssertNeedsExtension(() => refs.GetFunction("null_func")!.Call(), "funcref or externref");
            AssertNeedsExtension(() => refs.GetFunction("echo_extern")!.Call(Val.ExternRef("x")), "funcref or externref");
            AssertNeedsExtension(() => refs.GetFunction<object?, object?>("echo_extern")!("x"), "funcref or externref");

            // Numbers in the same module still work, and tables of references as before.
            Assert.AreEqual(7, refs.GetFunction<int>("seven")!());
            Assert.AreSame(refs.GetFunction("seven"), refs.GetTable("funcs")!.Get(0).AsFunc());
        });
    }

    /// <summary>Host functions carrying externrefs need no extension: WAMR's own trampoline converts them; wasm functions
    /// without references in their signature reach them through <c>wasm_func_call</c>.</summary>
    public static void HostFunctionExternRefsWorkWithoutTheExtension()
    {
        Run(store =>
        {
            var token = new object();
            object? seen = token;
            Func echo = Func.FromCallback(store, (object? value) =>
            {
                seen = value;
                return value;
            });
            Func make = Func.FromCallback(store, (int which) => which == 0 ? null : token);
            Func consume = Func.FromCallback(store, (int a, object? b, long c, object? d, double e) => 0);
            Instance refs = new(store, Load(store, "host_refs"), [echo, make, consume]);
            Assert.AreEqual(1, refs.GetFunction<int>("null_through_host")!());
            Assert.IsNull(seen, "ref.null arrives as null");
            Assert.AreEqual(1, refs.GetFunction<int, int>("make_is_null")!(0), "a null result is ref.null");
            Assert.AreEqual(0, refs.GetFunction<int, int>("make_is_null")!(1));
            refs.GetFunction("store_made")!.Call(2, 1);
            Assert.AreSame(token, refs.GetTable("refs")!.Get(2).AsExternRef());
            AssertNeedsExtension(() => refs.GetFunction("make")!.Call(1), "funcref or externref");
        });
    }

    /// <summary>Interrupting, time limits and cancellation need the extension: each entry point refuses before anything runs,
    /// and the same function still works through a plain call.</summary>
    public static void InterruptionNeedsTheExtension()
    {
        Run(store =>
        {
            Instance loops = new(store, Load(store, "loops"), [Func.FromCallback(store, (int x) => x)]);
            Func count = loops.GetFunction("count")!;
            AssertNeedsExtension(() => store.Interrupt(), "Interrupting a call");
            AssertNeedsExtension(() => store.InterruptAfter(TimeSpan.FromSeconds(1)), "Interrupting a call");
            using var cancellation = new System.Threading.CancellationTokenSource();
            AssertNeedsExtension(() => store.InterruptWhen(cancellation.Token), "Interrupting a call");
            AssertNeedsExtension(() => count.Call(TimeSpan.FromSeconds(1), Val.I32(3)), "A call with a timeout");
            AssertNeedsExtension(() => count.Call(cancellation.Token, Val.I32(3)), "A call with a CancellationToken");
            AssertNeedsExtension(() => count.AsFunc<int, int>(TimeSpan.FromSeconds(1)), "A typed delegate with a timeout");

            Assert.AreEqual(3, count.Call(Val.I32(3))[0].AsI32());
            Assert.AreEqual(5, loops.GetFunction<int, int>("count")!(5));
        });
    }

    /// <summary>A WASI configuration needs the extension (it installs the exit hook, the streams and the directories).</summary>
    public static void WasiNeedsTheExtension()
    {
        Run(store =>
        {
            Module wasi = Module.FromFile(store, Path.Combine(AppContext.BaseDirectory, "Wasi", "Modules", "wasi_exit.wasm"));
            var options = new InstanceOptions { Wasi = new WasiConfiguration().WithArguments("program") };
            AssertNeedsExtension(() => _ = new Instance(store, wasi, [], options), "WASI configuration");
        });
    }

    /// <summary>Without the extension WAMR keeps running start functions inside instantiation: one without imports runs,
    /// a module with a start function and function imports is refused instead of crashing.</summary>
    public static void StartFunctionsStayWithWamr()
    {
        Run(store =>
        {
            Assert.AreEqual(1, new Instance(store, Load(store, "start_ok")).GetFunction<int>("ready")!());
            Func init = Func.FromCallback(store, () => { });
            NotSupportedException e = Assert.ThrowsExactly<NotSupportedException>(() => new Instance(store, Load(store, "start_import"), init));
            StringAssert.Contains(e.Message, "start function");
        });
    }

    /// <summary>Asserts that <paramref name="action"/> throws <see cref="NotSupportedException"/> saying that the engine
    /// extension is needed, and naming <paramref name="feature"/>.</summary>
    public static void AssertNeedsExtension(Action action, string feature)
    {
        NotSupportedException e = Assert.ThrowsExactly<NotSupportedException>(action);
        StringAssert.Contains(e.Message, "needs the Wamr for .NET engine extension");
        StringAssert.Contains(e.Message, feature);
    }

    private static void Run(Action<Store> scenario)
    {
        using var engine = new Engine();
        using var store = new Store(engine);
        scenario(store);
    }

    private static Module Load(Store store, string name) =>
        Module.FromFile(store, Path.Combine(AppContext.BaseDirectory, "Facade", "Modules", name + ".wasm"));
}
