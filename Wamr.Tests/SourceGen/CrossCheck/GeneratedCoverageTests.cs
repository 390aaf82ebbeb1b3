using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.SourceGen.CrossCheck;

/// <summary>
/// Checks that the generated P/Invoke bindings cover exactly the functions clang finds in WAMR's headers: each one on
/// the right class (<c>WasmCApi</c> for wasm_c_api.h, <c>WamrApi</c> for wasm_export.h and lib_export.h, <c>WamrExt</c>
/// for the project's extension header wamr_ext.h) with its
/// exact entry point, parameter count and the C width of every parameter and of the return; no DllImport that clang
/// does not know; every enum constant with its C value; and [Obsolete] on exactly the functions libiwasm does not export.
/// </summary>
[TestClass]
public sealed class GeneratedCoverageTests
{
    private const BindingFlags StaticMembers = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [TestMethod]
    public void EveryFunctionIsBoundOnItsClass()
    {
        IReadOnlyDictionary<string, Type> classes = GeneratedBindings.RequireAllApiClasses();
        HeaderFacts facts = ClangHeaderFacts.Facts;
        Assert.IsGreaterThan(300, facts.Functions.Count);
        Dictionary<string, Dictionary<string, List<MethodInfo>>> bindingsByClass = classes.ToDictionary(c => c.Key, c => Bindings(c.Value), StringComparer.Ordinal);
        List<string> mismatches = [];
        foreach (CFunction function in facts.Functions)
        {
            string expectedClass = CrossCheckEnvironment.ClassFor(function.Header);
            if (!bindingsByClass[expectedClass].TryGetValue(function.Name, out List<MethodInfo>? methods))
            {
                string? elsewhere = bindingsByClass.Where(c => c.Key != expectedClass && c.Value.ContainsKey(function.Name)).Select(c => c.Key).FirstOrDefault();
                if (elsewhere is not null)
                {
                    mismatches.Add($"{function.Name}: declared in {function.Header}, must be on {expectedClass}, is on {elsewhere}");
                }
                else if (!function.IsVariadic)
                {
                    mismatches.Add($"{function.Name}: missing from {expectedClass} ({function.Header})");
                }

                continue;
            }

            foreach (MethodInfo method in methods)
            {
                if (!method.IsPublic || !method.IsStatic)
                {
                    mismatches.Add($"{GeneratedBindings.Describe(method)}: must be public static");
                }

                DllImportAttribute? import = method.GetCustomAttribute<DllImportAttribute>();
                if (import is null && (GeneratedBindings.IsLazilyBound(method) || GeneratedBindings.IsGuardWrapper(method)))
                {
                    continue;
                }

                if (import is null)
                {
                    mismatches.Add($"{GeneratedBindings.Describe(method)}: has no [DllImport] and is neither lazily bound nor a guard wrapper");
                }
                else if (import.EntryPoint != function.Name)
                {
                    mismatches.Add($"{GeneratedBindings.Describe(method)}: EntryPoint is '{import.EntryPoint}', must be '{function.Name}'");
                }
            }
        }

        GeneratedBindings.AssertNoMismatches(mismatches, "function coverage");
    }

    [TestMethod]
    public void EveryInlineFunctionIsAHelperNotAPInvoke()
    {
        // The generator translates inline bodies into C# helpers under the C name, on the class of the header. They
        // are ordinary methods (no [DllImport], no lazy binding): the library does not export inline functions.
        IReadOnlyDictionary<string, Type> classes = GeneratedBindings.RequireAllApiClasses();
        HeaderFacts facts = ClangHeaderFacts.Facts;
        Assert.IsGreaterThan(20, facts.InlineFunctions.Count);
        bool noRuntimeMarshalling = GeneratedBindings.IsRuntimeMarshallingDisabled(classes["WasmCApi"].Assembly);

        // `inline void assertions(void)` holds only _Static_asserts, which C# cannot express: the generator reports it
        // (WAMRGEN010) instead of emitting a helper.
        string[] untranslated = ["assertions"];
        List<string> mismatches = [];
        foreach (CFunction function in facts.InlineFunctions)
        {
            Type cls = classes[CrossCheckEnvironment.ClassFor(function.Header)];
            MethodInfo[] methods = cls.GetMethods(StaticMembers).Where(m => m.Name == function.Name).ToArray();
            if (untranslated.Contains(function.Name))
            {
                if (methods.Length > 0)
                {
                    mismatches.Add($"{function.Name}: expected no helper (its body cannot be translated), found one");
                }

                continue;
            }

            if (methods.Length != 1)
            {
                mismatches.Add($"{function.Name}: {methods.Length} methods on {cls.Name}, expected one helper");
                continue;
            }

            MethodInfo method = methods[0];
            if (!method.IsPublic || (method.Attributes & MethodAttributes.PinvokeImpl) != 0 || method.GetCustomAttribute<DllImportAttribute>() is not null
                || GeneratedBindings.IsLazilyBound(method) || method.GetMethodBody() is null)
            {
                mismatches.Add($"{GeneratedBindings.Describe(method)}: must be a public method with a body, not a P/Invoke");
                continue;
            }

            CompareSignature(method, function, noRuntimeMarshalling, mismatches);
        }

        Assert.IsEmpty(facts.InlineFunctions.Select(f => f.Name).Intersect(facts.Functions.Select(f => f.Name)));
        GeneratedBindings.AssertNoMismatches(mismatches, "inline helper");
    }

    [TestMethod]
    public void SignaturesHaveTheCWidths()
    {
        (Type wasmCApi, Type wamrApi) = GeneratedBindings.RequireApiClasses();
        HeaderFacts facts = ClangHeaderFacts.Facts;
        Assert.IsGreaterThan(300, facts.Functions.Count);
        bool noRuntimeMarshalling = GeneratedBindings.IsRuntimeMarshallingDisabled(wasmCApi.Assembly);
        List<string> mismatches = [];
        foreach ((MethodInfo method, string entryPoint) in GeneratedBindings.PInvokeMethods(wasmCApi.Assembly))
        {
            if (facts.FunctionsByName.TryGetValue(entryPoint, out CFunction? function))
            {
                CompareSignature(method, function, noRuntimeMarshalling, mismatches);
            }
        }

        GeneratedBindings.AssertNoMismatches(mismatches, "signature");
    }

    [TestMethod]
    public void NoDllImportIsUnknownToClang()
    {
        Assembly assembly = GeneratedBindings.RequireAssembly();
        HeaderFacts facts = ClangHeaderFacts.Facts;
        Assert.IsGreaterThan(300, facts.Functions.Count);
        List<string> mismatches = [];
        foreach ((MethodInfo method, string entryPoint) in GeneratedBindings.PInvokeMethods(assembly))
        {
            if (!facts.FunctionsByName.ContainsKey(entryPoint))
            {
                mismatches.Add($"{GeneratedBindings.Describe(method)}: binds '{entryPoint}', which WAMR's headers do not declare");
            }

            // A method named differently from its entry point is an alias; SignaturesHaveTheCWidths checks it like the
            // binding itself, so it is accepted here when its entry point is a declared function.
        }

        GeneratedBindings.AssertNoMismatches(mismatches, "extra DllImport");
    }

    [TestMethod]
    public void EnumConstantsHaveTheirCValues()
    {
        IReadOnlyDictionary<string, Type> classes = GeneratedBindings.RequireAllApiClasses();
        HeaderFacts facts = ClangHeaderFacts.Facts;
        Assert.IsGreaterThan(15, facts.EnumConstants.Count());
        List<string> mismatches = [];
        foreach (CEnumConstant constant in facts.EnumConstants)
        {
            FieldInfo[] fields = classes.Values
                .Select(t => t.GetField(constant.Name, BindingFlags.Public | BindingFlags.Static))
                .Where(f => f is not null)
                .ToArray()!;
            if (fields.Length == 0)
            {
                mismatches.Add($"{constant.Name}: no public const or static field on WasmCApi, WamrApi or WamrExt (C value {constant.Value})");
                continue;
            }

            foreach (FieldInfo field in fields)
            {
                object? raw = field.IsLiteral ? field.GetRawConstantValue() : field.GetValue(null);
                long? value = raw switch
                {
                    null => null,
                    Enum e => Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture),
                    IConvertible c when raw is not string and not bool and not char => c.ToInt64(System.Globalization.CultureInfo.InvariantCulture),
                    _ => null,
                };
                if (value != constant.Value)
                {
                    mismatches.Add($"{field.DeclaringType?.Name}.{constant.Name}: {raw ?? "null"} ({field.FieldType.Name}), C value {constant.Value}");
                }
            }
        }

        GeneratedBindings.AssertNoMismatches(mismatches, "enum constant");
    }

    [TestMethod]
    public void ExactlyTheUnexportedFunctionsAreObsolete()
    {
        IReadOnlyDictionary<string, Type> classes = GeneratedBindings.RequireAllApiClasses();
        HeaderFacts facts = ClangHeaderFacts.Facts;
        IReadOnlySet<string> exports = NmExports.Symbols;
        Assert.IsGreaterThan(300, exports.Count);
        Dictionary<string, List<MethodInfo>> bindings = classes.Values
            .SelectMany(Bindings)
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(p => p.Value).ToList(), StringComparer.Ordinal);
        List<string> mismatches = [];
        foreach (CFunction function in facts.Functions)
        {
            if (!bindings.TryGetValue(function.Name, out List<MethodInfo>? methods))
            {
                continue; // missing bindings are EveryFunctionIsBoundOnItsClass's failure
            }

            bool exported = exports.Contains(function.Name);
            foreach (MethodInfo method in methods)
            {
                bool obsolete = method.GetCustomAttribute<ObsoleteAttribute>() is not null;
                if (!exported && !obsolete)
                {
                    mismatches.Add($"{GeneratedBindings.Describe(method)}: libiwasm does not export {function.Name}; the binding must be [Obsolete]");
                }
                else if (exported && obsolete)
                {
                    mismatches.Add($"{GeneratedBindings.Describe(method)}: libiwasm exports {function.Name}; the binding must not be [Obsolete]");
                }
            }
        }

        GeneratedBindings.AssertNoMismatches(mismatches, "[Obsolete]");
    }

    private static void CompareSignature(MethodInfo method, CFunction function, bool noRuntimeMarshalling, List<string> mismatches)
    {
        string where = $"{GeneratedBindings.Describe(method)} ({function.Name})";
        ParameterInfo[] parameters = method.GetParameters();
        if (parameters.Length != function.Parameters.Count)
        {
            string variadic = function.IsVariadic ? " fixed (bound without its '...')" : string.Empty;
            mismatches.Add($"{where}: {parameters.Length} parameters, C has {function.Parameters.Count}{variadic}");
            return;
        }

        for (int i = 0; i < parameters.Length; i++)
        {
            CParameter c = function.Parameters[i];
            int width = GeneratedBindings.ParameterWidth(parameters[i], noRuntimeMarshalling);
            if (width != c.Size)
            {
                mismatches.Add($"{where}: parameter {i} '{parameters[i].Name}' is {parameters[i].ParameterType} ({width} bytes), C {c.Type} is {c.Size} bytes");
            }
        }

        int returnWidth = GeneratedBindings.ParameterWidth(method.ReturnParameter, noRuntimeMarshalling);
        if (returnWidth != function.ReturnSize)
        {
            mismatches.Add($"{where}: returns {method.ReturnType} ({returnWidth} bytes), C {function.ReturnType} is {function.ReturnSize} bytes");
        }
    }

    /// <summary>
    /// The bindings of one class by method name: its P/Invoke methods, lazily bound methods and guard wrappers (whose
    /// private <c>__unchecked</c> DllImports appear under their own names, which are no C function's).
    /// </summary>
    private static Dictionary<string, List<MethodInfo>> Bindings(Type type)
    {
        return type.GetMethods(StaticMembers)
            .Where(m => (m.Attributes & MethodAttributes.PinvokeImpl) != 0 || m.GetCustomAttribute<DllImportAttribute>() is not null
                || GeneratedBindings.IsLazilyBound(m) || GeneratedBindings.IsGuardWrapper(m))
            .GroupBy(m => m.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }
}
