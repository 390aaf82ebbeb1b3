using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.SourceGen.CrossCheck;

/// <summary>
/// Reflection over the generated bindings in Wamr.Runtime, loaded by name so that this test project compiles before
/// the generator emits anything. Missing bindings are a failure, never a skip.
/// </summary>
internal static class GeneratedBindings
{
    public const string Namespace = "Wamr.Interop";
    public const string WasmCApiName = "Wamr.Interop.WasmCApi, Wamr.Runtime";
    public const string WamrApiName = "Wamr.Interop.WamrApi, Wamr.Runtime";

    private static readonly MethodInfo UnsafeSizeOf = typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!;

    /// <summary>The assembly holding <c>Wamr.Interop.WasmCApi</c>; fails the test if the type does not exist.</summary>
    public static Assembly RequireAssembly()
    {
        Type? type = Type.GetType(WasmCApiName, throwOnError: false);
        if (type is null)
        {
            Assert.Fail(
                $"generated bindings not found: Type.GetType(\"{WasmCApiName}\") returned null. "
                + "The source generator must emit public static unsafe partial class Wamr.Interop.WasmCApi (and WamrApi) into Wamr.Runtime.");
        }

        return type!.Assembly;
    }

    /// <summary><c>WasmCApi</c> and <c>WamrApi</c>; fails the test if either does not exist.</summary>
    public static (Type WasmCApi, Type WamrApi) RequireApiClasses()
    {
        Assembly assembly = RequireAssembly();
        Type wasmCApi = assembly.GetType(Namespace + ".WasmCApi")!;
        Type? wamrApi = assembly.GetType(Namespace + ".WamrApi");
        if (wamrApi is null)
        {
            Assert.Fail($"generated bindings not found: {Namespace}.WamrApi is missing from {assembly.GetName().Name}.");
        }

        return (wasmCApi, wamrApi!);
    }

    /// <summary>Every generated API class by its name (<c>WasmCApi</c>, <c>WamrApi</c>, <c>WamrExt</c>); fails the test if one is missing.</summary>
    public static IReadOnlyDictionary<string, Type> RequireAllApiClasses()
    {
        Assembly assembly = RequireAssembly();
        Dictionary<string, Type> classes = new(StringComparer.Ordinal);
        foreach (string name in new[] { "WasmCApi", "WamrApi", "WamrExt" })
        {
            Type? type = assembly.GetType(Namespace + "." + name);
            if (type is null)
            {
                Assert.Fail($"generated bindings not found: {Namespace}.{name} is missing from {assembly.GetName().Name}.");
            }

            classes.Add(name, type!);
        }

        return classes;
    }

    /// <summary>Fails with every mismatch listed, or passes when there are none.</summary>
    public static void AssertNoMismatches(IReadOnlyCollection<string> mismatches, string what)
    {
        if (mismatches.Count > 0)
        {
            Assert.Fail($"{mismatches.Count} {what} mismatch(es) between clang and the generated bindings:\n  " + string.Join("\n  ", mismatches));
        }
    }

    /// <summary><c>Unsafe.SizeOf&lt;T&gt;()</c> for a runtime type (not for pointers, which cannot be type arguments).</summary>
    public static int ManagedSize(Type type)
    {
        return (int)UnsafeSizeOf.MakeGenericMethod(type).Invoke(null, null)!;
    }

    /// <summary>Whether a type is passed as a machine pointer (data or function pointer, nint/nuint).</summary>
    public static bool IsPointerLike(Type type)
    {
        return type.IsPointer || type.IsFunctionPointer || type.IsUnmanagedFunctionPointer
            || type == typeof(IntPtr) || type == typeof(UIntPtr);
    }

    /// <summary>The width in bytes a field of this type occupies inside a struct.</summary>
    public static int FieldWidth(Type type)
    {
        if (IsPointerLike(type))
        {
            return IntPtr.Size;
        }

        if (type.IsEnum)
        {
            return ManagedSize(Enum.GetUnderlyingType(type));
        }

        if (!type.IsValueType)
        {
            return IntPtr.Size; // a reference type in a struct (not blittable; the size check reports it)
        }

        return ManagedSize(type);
    }

    /// <summary>
    /// The width in bytes of a P/Invoke parameter or return as the interop layer passes it to native code: pointers,
    /// byrefs and marshalled reference types are machine pointers; <c>bool</c> is 1 byte only when marshalled as
    /// <c>U1</c>/<c>I1</c> or when runtime marshalling is disabled (otherwise it is a 4-byte Win32 BOOL); enums are their
    /// underlying type; structs by value are <c>Marshal.SizeOf</c>; <c>void</c> is 0.
    /// </summary>
    public static int ParameterWidth(ParameterInfo parameter, bool runtimeMarshallingDisabled)
    {
        Type type = parameter.ParameterType;
        if (type == typeof(void))
        {
            return 0;
        }

        if (type.IsByRef || IsPointerLike(type) || !type.IsValueType)
        {
            return IntPtr.Size;
        }

        if (type.IsEnum)
        {
            return ManagedSize(Enum.GetUnderlyingType(type));
        }

        MarshalAsAttribute? marshalAs = parameter.GetCustomAttribute<MarshalAsAttribute>();
        if (type == typeof(bool))
        {
            if (runtimeMarshallingDisabled)
            {
                return 1;
            }

            return marshalAs?.Value switch
            {
                UnmanagedType.U1 or UnmanagedType.I1 => 1,
                UnmanagedType.VariantBool => 2,
                _ => 4,
            };
        }

        if (type.IsPrimitive)
        {
            return ManagedSize(type);
        }

        try
        {
            return runtimeMarshallingDisabled ? ManagedSize(type) : Marshal.SizeOf(type);
        }
        catch (ArgumentException)
        {
            return -1; // not marshalable by value: reported as a width mismatch
        }
    }

    public static bool IsRuntimeMarshallingDisabled(Assembly assembly)
    {
        return assembly.GetCustomAttributes().Any(a => a.GetType().FullName == "System.Runtime.CompilerServices.DisableRuntimeMarshallingAttribute");
    }

    /// <summary>Every P/Invoke method declared on any type of the assembly.</summary>
    public static IEnumerable<(MethodInfo Method, string EntryPoint)> PInvokeMethods(Assembly assembly)
    {
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            types = e.Types.Where(t => t is not null).ToArray()!;
        }

        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        foreach (Type type in types)
        {
            foreach (MethodInfo method in type.GetMethods(all))
            {
                DllImportAttribute? import = method.GetCustomAttribute<DllImportAttribute>();
                if (import is not null || (method.Attributes & MethodAttributes.PinvokeImpl) != 0)
                {
                    yield return (method, string.IsNullOrEmpty(import?.EntryPoint) ? method.Name : import!.EntryPoint!);
                }
                else if (IsLazilyBound(method) || IsGuardWrapper(method))
                {
                    yield return (method, method.Name);
                }
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="method"/> binds a function the built library does not export: the generator
    /// emits it [Obsolete] (diagnostic WAMR001) and resolves it on first call through a cached address field
    /// named <c>s_&lt;name&gt;</c>, instead of a [DllImport].
    /// </summary>
    public static bool IsLazilyBound(MethodInfo method)
    {
        return method.IsStatic
            && method.GetCustomAttribute<ObsoleteAttribute>() is { DiagnosticId: "WAMR001" }
            && method.DeclaringType?.GetField("s_" + method.Name, BindingFlags.NonPublic | BindingFlags.Static) is { FieldType: var t } && t == typeof(nint);
    }

    /// <summary>
    /// Whether <paramref name="method"/> is the public face of a guarded function: the generator emits a method with the
    /// C name that throws <see cref="ArgumentNullException"/> for guarded null arguments and calls a private
    /// [DllImport] named <c>&lt;name&gt;__unchecked</c> whose entry point is the C name and whose parameters are the same.
    /// </summary>
    public static bool IsGuardWrapper(MethodInfo method)
    {
        if (!method.IsStatic || !method.IsPublic || method.GetCustomAttribute<DllImportAttribute>() is not null || method.DeclaringType is null)
        {
            return false;
        }

        MethodInfo? native = method.DeclaringType.GetMethod(method.Name + UncheckedSuffix, BindingFlags.NonPublic | BindingFlags.Static);
        return native is not null
            && native.GetCustomAttribute<DllImportAttribute>() is { } import
            && (import.EntryPoint ?? native.Name) == method.Name
            && native.ReturnType == method.ReturnType
            && native.GetParameters().Select(p => p.ParameterType).SequenceEqual(method.GetParameters().Select(p => p.ParameterType));
    }

    /// <summary>The suffix of the private DllImport behind a guarded function (see <see cref="IsGuardWrapper"/>).</summary>
    public const string UncheckedSuffix = Wamr.SourceGen.Emitting.FunctionEmitter.UncheckedSuffix;

    /// <summary>The type of a field's fixed-size buffer element and its length, from [FixedBuffer] or [InlineArray].</summary>
    public static (Type ElementType, int Length)? FixedBuffer(FieldInfo field)
    {
        if (field.GetCustomAttribute<FixedBufferAttribute>() is { } fixedBuffer)
        {
            return (fixedBuffer.ElementType, fixedBuffer.Length);
        }

        if (field.FieldType.GetCustomAttribute<InlineArrayAttribute>() is { } inline)
        {
            FieldInfo element = field.FieldType.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Single();
            return (element.FieldType, inline.Length);
        }

        return null;
    }

    public static string Describe(MethodInfo method)
    {
        return $"{method.DeclaringType?.FullName}.{method.Name}";
    }
}
