using System;
using System.IO;
using System.Text;

using Wamr.Compiler.Interop;
using Wamr.Interop;

using static Wamr.Compiler.Interop.AotCompilerApi;
using static Wamr.Compiler.Interop.WamrcExt;

namespace Wamr.Compiler;

/// <summary>
/// Compiles WebAssembly binaries ahead of time, in this process, with WAMR's LLVM-based compiler (libwamrc), into
/// precompiled modules for <see cref="Module.FromPrecompiled(Store, ReadOnlySpan{byte}, PrecompiledTrust)"/>: WAMR's
/// AOT image wrapped in a verified envelope (SHA-256, WAMR version, target, CPU extensions, features).
/// </summary>
/// <remarks>
/// Thread-safe: compilations run one at a time (WAMR's compiler keeps its last error in a global). The code is
/// compiled for the runtime in this process (Wamr.Runtime's libiwasm): options that would make code it cannot run
/// safely, such as no bounds checks on a runtime without guard pages, are refused.
/// </remarks>
public static unsafe class AotCompiler
{
    private static readonly object Gate = new();

    /// <summary>A custom section named "name" with no subsections.</summary>
    private static ReadOnlySpan<byte> EmptyNameSection => [0, 5, 4, (byte)'n', (byte)'a', (byte)'m', (byte)'e'];
    private static readonly Lazy<string?> Problem = new(Initialize);

    /// <summary>Whether libwamrc is present and loads (it needs libLLVM-14 at run time).</summary>
    public static bool IsAvailable => Problem.Value is null;

    /// <summary>Why the compiler is not available, with how to fix it; <see langword="null"/> when it is.</summary>
    public static string? UnavailableReason => Problem.Value;

    /// <summary>LLVM's name for this machine's CPU (what <see cref="AotTargetCpu.Native"/> compiles for).</summary>
    /// <exception cref="InvalidOperationException">The compiler is not available.</exception>
    public static string HostCpuName
    {
        get
        {
            RequireAvailable();
            return Query(&wamrc_ext_host_cpu_name);
        }
    }

    /// <summary>LLVM's feature string for this machine's CPU (<c>+sse2,+avx2,-avx512f,…</c>).</summary>
    /// <exception cref="InvalidOperationException">The compiler is not available.</exception>
    public static string HostCpuFeatures
    {
        get
        {
            RequireAvailable();
            return Query(&wamrc_ext_host_cpu_features);
        }
    }

    /// <summary>Compiles a WebAssembly binary into a precompiled module (an envelope).</summary>
    /// <param name="wasm">The WebAssembly binary.</param>
    /// <param name="options">How to compile; <see langword="null"/> for <see cref="AotCompilerOptions.Default"/>.</param>
    /// <returns>The precompiled module, for <see cref="Module.FromPrecompiled(Store, ReadOnlySpan{byte}, PrecompiledTrust)"/>
    /// or a file.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="ArgumentException">An option contradicts the runtime (e.g. <see cref="AotCompilerOptions.BoundsChecks"/>
    /// false on a runtime without guard pages).</exception>
    /// <exception cref="PrecompiledModuleException">The input is already precompiled.</exception>
    /// <exception cref="AotCompilationException">WAMR's loader or compiler failed; the message says why.</exception>
    /// <exception cref="InvalidOperationException">The compiler is not available (<see cref="UnavailableReason"/>).</exception>
    public static byte[] Compile(ReadOnlySpan<byte> wasm, AotCompilerOptions? options = null)
    {
        options ??= AotCompilerOptions.Default;
        options.Validate();
        BinaryKinds.ThrowIfPrecompiled(wasm, "AotCompiler.Compile");
        RequireAvailable();
        uint runtime = PrecompiledCompatibility.RuntimeFeatures;
        PrecompiledFeatures features = FeaturesFor(options, runtime, wamrc_ext_build_features());
        if (wasm.IsEmpty)
        {
            throw new AotCompilationException("WAMR's AOT compiler cannot compile the module: the binary is empty.");
        }

        lock (Gate)
        {
            return CompileLocked(wasm, options, features);
        }
    }

    /// <summary>Compiles a WebAssembly binary into a precompiled module.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="wasm"/> is null.</exception>
    /// <exception cref="AotCompilationException">WAMR's loader or compiler failed.</exception>
    public static byte[] Compile(byte[] wasm, AotCompilerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(wasm);
        return Compile(wasm.AsSpan(), options);
    }

    /// <summary>Compiles a <c>.wasm</c> file into a precompiled-module file (written only when compilation succeeds).</summary>
    /// <exception cref="ArgumentNullException">A path is null.</exception>
    /// <exception cref="IOException">A file cannot be read or written.</exception>
    /// <exception cref="AotCompilationException">WAMR's loader or compiler failed.</exception>
    public static void CompileFile(string wasmPath, string outputPath, AotCompilerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(wasmPath);
        ArgumentNullException.ThrowIfNull(outputPath);
        byte[] result = Compile(File.ReadAllBytes(wasmPath), options);
        File.WriteAllBytes(outputPath, result);
    }

    /// <summary>The envelope's feature flags for <paramref name="options"/>, or an exception when the runtime could not run
    /// such code.</summary>
    internal static PrecompiledFeatures FeaturesFor(AotCompilerOptions options, uint runtime, uint compiler)
    {
        PrecompiledFeatures required = PrecompiledCompatibility.RequiredFeatures(runtime);
        bool boundsChecks = options.BoundsChecks ?? (required & PrecompiledFeatures.BoundsChecks) != 0;
        PrecompiledFeatures features = PrecompiledFeatures.None;
        if (boundsChecks)
        {
            features |= PrecompiledFeatures.BoundsChecks;
        }

        if (options.BulkMemory)
        {
            features |= PrecompiledFeatures.BulkMemory;
        }

        if (options.ReferenceTypes)
        {
            features |= PrecompiledFeatures.ReferenceTypes;
        }

        if (options.CallStackFrames)
        {
            features |= PrecompiledFeatures.CallStackFrames;
        }

        // Suspend-flag checks are what lets another thread interrupt a call; they need a compiler and a runtime built
        // with the thread manager (the code reads the exec env's suspend flags).
        if (options.Interruptible)
        {
            if ((compiler & WAMRC_EXT_FEATURE_THREAD_MGR) == 0 || (runtime & WamrExt.WAMR_EXT_FEATURE_THREAD_MGR) == 0)
            {
                throw new ArgumentException(
                    "Interruptible code needs a compiler and a runtime built with WAMR's thread manager, and "
                    + ((compiler & WAMRC_EXT_FEATURE_THREAD_MGR) == 0 ? "the compiler" : "the runtime in this process") + " was built without it: "
                    + "compile with Interruptible = false.",
                    nameof(options));
            }

            features |= PrecompiledFeatures.ThreadManagerChecks;
        }

        if (PrecompiledCompatibility.FeatureProblem(features, runtime) is string problem)
        {
            throw new ArgumentException("The options would compile code the runtime in this process cannot run safely: " + problem, nameof(options));
        }

        return features;
    }

    private static byte[] CompileLocked(ReadOnlySpan<byte> wasm, AotCompilerOptions options, PrecompiledFeatures features)
    {
        if ((ulong)wasm.Length > uint.MaxValue)
        {
            throw new AotCompilationException("WAMR's AOT compiler cannot compile the module: the binary is larger than 4 GiB.");
        }

        PrecompiledTarget target = PrecompiledTarget.Host;
        string cpu;
        string? cpuFeatures;
        IsaExtensions isa;
        if (options.TargetCpu == AotTargetCpu.Native)
        {
            cpu = Query(&wamrc_ext_host_cpu_name);
            cpuFeatures = Query(&wamrc_ext_host_cpu_features);
            isa = IsaExtensionSet.FromLlvmFeatures(cpuFeatures);
        }
        else
        {
            cpu = target.Architecture == "x86_64" ? "x86-64" : "generic";
            cpuFeatures = null;
            isa = IsaExtensions.None;
        }

        // WAMR 1.1.2 emits an empty AOT name section for a module without a "name" custom section when call-stack
        // frames are on, which its own loader then rejects ("unexpected end"): give such a module an empty one.
        ReadOnlySpan<byte> source = wasm;
        if ((features & PrecompiledFeatures.CallStackFrames) != 0 && !ModuleBinary.HasNameSection(wasm))
        {
            byte[] named = new byte[wasm.Length + EmptyNameSection.Length];
            wasm.CopyTo(named);
            EmptyNameSection.CopyTo(named.AsSpan(wasm.Length));
            source = named;
        }

        byte* error = stackalloc byte[256];
        error[0] = 0;
        wamrc_ext_module* module;
        fixed (byte* bytes = source)
        {
            module = wamrc_ext_load(bytes, (uint)source.Length, error, 256);
        }

        if (module == null)
        {
            throw new AotCompilationException("WAMR's AOT compiler cannot load the module: " + Text(error));
        }

        aot_comp_data_t data = default;
        aot_comp_context_t context = default;
        byte* image = null;
        try
        {
            data = aot_create_comp_data(wamrc_ext_module_handle(module));
            if (data.IsNull)
            {
                throw Failure("preparing the module");
            }

            fixed (byte* arch = Utf8(target.Architecture))
            fixed (byte* cpuName = Utf8(cpu))
            fixed (byte* featureText = cpuFeatures is null ? null : Utf8(cpuFeatures))
            {
                AOTCompOption option = default;
                option.target_arch = arch;
                option.target_cpu = cpuName;
                option.cpu_features = featureText;
                option.opt_level = (uint)options.OptimizationLevel;
                option.size_level = (uint)options.SizeLevel;
                option.output_format = AOT_FORMAT_FILE;
                option.bounds_checks = (features & PrecompiledFeatures.BoundsChecks) != 0 ? 1u : 0u;
                option.stack_bounds_checks = option.bounds_checks;
                option.enable_bulk_memory = (features & PrecompiledFeatures.BulkMemory) != 0;
                option.enable_ref_types = (features & PrecompiledFeatures.ReferenceTypes) != 0;
                option.enable_thread_mgr = (features & PrecompiledFeatures.ThreadManagerChecks) != 0;
                option.enable_aux_stack_frame = (features & PrecompiledFeatures.CallStackFrames) != 0;
                option.enable_aux_stack_check = true;
                context = aot_create_comp_context(data, &option);
            }

            if (context.IsNull)
            {
                throw Failure("creating the compilation context");
            }

            if (!aot_compile_wasm(context))
            {
                throw Failure("compiling");
            }

            uint size = 0;
            image = wamrc_ext_emit_aot(context.Value, data.Value, &size);
            if (image == null)
            {
                throw Failure("emitting the AOT image");
            }

            byte[] metadata = ModuleBinary.ExtractMetadata(wasm);
            return PrecompiledEnvelope.Write(
                wamrc_ext_wamr_version(),
                features,
                (byte)options.OptimizationLevel,
                (byte)options.SizeLevel,
                isa,
                target,
                cpu.Length <= 32 ? cpu : cpu[..32],
                metadata,
                new ReadOnlySpan<byte>(image, (int)size));
        }
        finally
        {
            wamrc_ext_free(image);
            if (!context.IsNull)
            {
                aot_destroy_comp_context(context);
            }

            if (!data.IsNull)
            {
                aot_destroy_comp_data(data);
            }

            wamrc_ext_unload(module);
        }
    }

    private static AotCompilationException Failure(string step)
    {
        string reason = Text(aot_get_last_error());
        return new AotCompilationException($"WAMR's AOT compiler failed {step}: {(reason.Length > 0 ? reason : "no reason given")}");
    }

    private static void RequireAvailable()
    {
        if (Problem.Value is string problem)
        {
            throw new InvalidOperationException("The AOT compiler is not available: " + problem);
        }
    }

    private static string? Initialize()
    {
        try
        {
            CompilerNativeLibrary.Load();
        }
        catch (DllNotFoundException e)
        {
            return e.Message;
        }

        uint abi = wamrc_ext_abi_version();
        if (abi != WAMRC_EXT_ABI_VERSION)
        {
            return $"the loaded libwamrc ({CompilerNativeLibrary.LoadedFrom}) has extension ABI version {abi}; this assembly was built for {WAMRC_EXT_ABI_VERSION}.";
        }

        if (!wamrc_ext_init())
        {
            return "libwamrc loaded but its runtime could not be initialised.";
        }

        return null;
    }

    private static string Query(delegate*<byte*, uint, uint> query)
    {
        uint length = query(null, 0);
        byte[] buffer = new byte[length + 1];
        fixed (byte* p = buffer)
        {
            query(p, (uint)buffer.Length);
        }

        return Encoding.UTF8.GetString(buffer, 0, (int)length);
    }

    private static byte[] Utf8(string text)
    {
        byte[] bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }

    private static string Text(byte* text) => text == null ? string.Empty : new string((sbyte*)text).Trim();
}
