using System;
using System.IO;

using Microsoft.VisualStudio.TestTools.UnitTesting;
using Microsoft.Win32.SafeHandles;

using Wamr.Interop;
using Wamr.Tests.Interop.Procedural;

using static Wamr.Interop.WamrApi;
using static Wamr.Interop.WamrExt;
using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Extension;

/// <summary>
/// The extension's WASI section (<c>native/ext/wamr_ext.h</c>), procedurally: the <c>proc_exit</c> hook, standard
/// streams and preopened directories installed in a fresh WASI instance. Errors are errno values.
/// </summary>
[TestClass]
public sealed unsafe class WasiExtensionTests : ProceduralTest
{
    private const int EBadF = 9;
    private const int ENoEnt = 2;
    private const int EExist = 17;
    private const int ENotDir = 20;
    private const int EInval = 22;
    private const int ENotSup = 95;

    // Exports of wasi_stdio.wat, in order.
    private const int Write = 1;
    private const int Exit = 6;
    private const int PrestatName = 10;

    /// <summary>WASI's own EBADF (its errno numbering differs from Linux's).</summary>
    private const int WasiEBadF = 8;

    private string _scratch = null!;

    [TestInitialize]
    public void CreateScratch()
    {
        // Before any module is loaded: the hook applies to modules loaded afterwards.
        Assert.IsTrue(wamr_ext_wasi_install_exit_hook());
        _scratch = Path.Combine(Path.GetTempPath(), "wamr-ext-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_scratch);
    }

    [TestCleanup]
    public void DeleteScratch() => Directory.Delete(_scratch, recursive: true);

    [TestMethod]
    public void ProcExitTrapsWithTheMessageAndKeepsTheCode()
    {
        Assert.IsTrue(wamr_ext_wasi_install_exit_hook(), "installing again is harmless");
        wasm_instance_t* instance = InstantiateWasi("wasi_stdio");
        using wasm_extern_vec_t exports = Exports(instance);
        string? trap = CallForTrap(wasm_extern_as_func(exports[Exit]), [I32(5)], []);
        Assert.AreEqual("Exception: wasi proc_exit", trap, "WAMR_EXT_WASI_EXIT_MESSAGE");
        Assert.AreEqual(5u, wasm_runtime_get_wasi_exit_code(wamr_ext_instance_module_inst(instance)));
    }

    [TestMethod]
    public void AProcExitOfTheWrongTypeIsNotLinked()
    {
        wasm_instance_t* instance = InstantiateWasi("wasi_bad_exit");
        using wasm_extern_vec_t exports = Exports(instance);
        string? trap = CallForTrap(wasm_extern_as_func(exports[0]), [I64(5)], []);
        Assert.IsNotNull(trap);
        StringAssert.Contains(trap, "unlinked");
    }

    [TestMethod]
    public void SetStdioGivesTheInstanceItsOwnCopy()
    {
        wasm_instance_t* instance = InstantiateWasi("wasi_stdio");
        string path = Path.Combine(_scratch, "out.txt");
        using (SafeFileHandle file = File.OpenHandle(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite))
        {
            Assert.AreEqual(0, wamr_ext_wasi_set_stdio(wamr_ext_instance_module_inst(instance), 1, (int)file.DangerousGetHandle()));
        }

        // The caller's descriptor is closed; the instance writes through its duplicate.
        using wasm_extern_vec_t exports = Exports(instance);
        wasm_val_t[] result = [I32(-1)];
        Call(wasm_extern_as_func(exports[Write]), [I32(1), I32(16), I32(6)], result);
        Assert.AreEqual(0, result[0].of.i32);
        Assert.AreEqual("hello\n", File.ReadAllText(path));
    }

    [TestMethod]
    public void SetStdioRefusesBadArguments()
    {
        wasm_module_inst_t wasi = wamr_ext_instance_module_inst(InstantiateWasi("wasi_stdio"));
        wasm_module_inst_t plain = wamr_ext_instance_module_inst(Instantiate("module"));
        Assert.AreEqual(EInval, wamr_ext_wasi_set_stdio(default, 1, 1));
        Assert.AreEqual(EInval, wamr_ext_wasi_set_stdio(wasi, 3, 1));
        Assert.AreEqual(EInval, wamr_ext_wasi_set_stdio(wasi, 1, -1));
        Assert.AreEqual(EBadF, wamr_ext_wasi_set_stdio(wasi, 1, 1_000_000));
        Assert.AreEqual(ENotSup, wamr_ext_wasi_set_stdio(plain, 1, 1));
    }

    [TestMethod]
    public void PreopenShowsAHostDirectoryUnderAnotherName()
    {
        wasm_instance_t* instance = InstantiateWasi("wasi_stdio");
        using wasm_extern_vec_t exports = Exports(instance);
        wasm_func_t* prestatName = wasm_extern_as_func(exports[PrestatName]);
        wasm_val_t[] result = [I32(-1)];
        Call(prestatName, [I32(3)], result);
        Assert.AreEqual(WasiEBadF, result[0].of.i32, "no preopened directory yet");

        Assert.AreEqual(0, Preopen(wamr_ext_instance_module_inst(instance), 3, _scratch, "/guest"));
        Call(prestatName, [I32(3)], result);
        Assert.AreEqual(0, result[0].of.i32);
        byte* memory = wasm_memory_data(wasm_extern_as_memory(exports[0]));
        int length = *(int*)(memory + 60);
        Assert.AreEqual("/guest", System.Text.Encoding.UTF8.GetString(memory + 64, length), "the guest sees its own name, not the host path");
    }

    [TestMethod]
    public void PreopenRefusesBadArguments()
    {
        wasm_module_inst_t wasi = wamr_ext_instance_module_inst(InstantiateWasi("wasi_stdio"));
        wasm_module_inst_t plain = wamr_ext_instance_module_inst(Instantiate("module"));
        string file = Path.Combine(_scratch, "file.txt");
        File.WriteAllText(file, "x");
        Assert.AreEqual(EInval, Preopen(default, 3, _scratch, "/g"));
        Assert.AreEqual(EInval, Preopen(wasi, 2, _scratch, "/g"));
        Assert.AreEqual(EInval, Preopen(wasi, 3, _scratch, string.Empty));
        Assert.AreEqual(EInval, Preopen(wasi, 3, string.Empty, "/g"));
        Assert.AreEqual(EInval, wamr_ext_wasi_preopen(wasi, 3, null, null));
        Assert.AreEqual(ENoEnt, Preopen(wasi, 3, Path.Combine(_scratch, "missing"), "/g"));
        Assert.AreEqual(ENotDir, Preopen(wasi, 3, file, "/g"));
        Assert.AreEqual(ENotSup, Preopen(plain, 3, _scratch, "/g"));
        Assert.AreEqual(0, Preopen(wasi, 3, _scratch, "/g"));
        Assert.AreEqual(EExist, Preopen(wasi, 3, _scratch, "/again"));
    }

    private static int Preopen(wasm_module_inst_t instance, uint fd, string host, string guest)
    {
        using var hostText = new NativeUtf8(host);
        using var guestText = new NativeUtf8(guest);
        return wamr_ext_wasi_preopen(instance, fd, hostText.Pointer, guestText.Pointer);
    }

    /// <summary>Loads a module of <c>Wasi/Modules</c> and instantiates it with no imports: WAMR's WASI provides them.</summary>
    private wasm_instance_t* InstantiateWasi(string name) => Instantiate(LoadOutputModule("Wasi", name));

    /// <summary>A NUL-terminated UTF-8 copy of a string in native memory.</summary>
    private readonly struct NativeUtf8 : IDisposable
    {
        public NativeUtf8(string text)
        {
            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(text + "\0");
            Pointer = (byte*)System.Runtime.InteropServices.NativeMemory.Alloc((nuint)bytes.Length);
            bytes.CopyTo(new Span<byte>(Pointer, bytes.Length));
        }

        public byte* Pointer { get; }

        public void Dispose() => System.Runtime.InteropServices.NativeMemory.Free(Pointer);
    }
}
