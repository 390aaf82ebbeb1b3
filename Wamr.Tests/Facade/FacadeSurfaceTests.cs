using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Facade;

/// <summary>
/// Guards the rule that every public member of the façade (namespace <c>Wamr</c>) is exercised by a test: each public
/// constructor, method, property accessor, operator and non-constant field must be referenced by the IL of this test
/// assembly. A new public member without a test calling it fails here, with its name.
/// </summary>
/// <remarks>
/// What IL cannot show is left out, and tested by hand in the per-type test files: overrides of
/// <see cref="object"/>'s <c>ToString</c>, <c>Equals</c> and <c>GetHashCode</c> (C# calls them through
/// <see cref="object"/>'s slots), members a record declaration synthesises, constants (inlined), enums and
/// delegates. An override of a façade method counts as referenced when the method it overrides is (C# calls an
/// override through the declaration it overrides).
/// </remarks>
[TestClass]
public sealed class FacadeSurfaceTests
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [TestMethod]
    public void EveryPublicMemberOfTheFacadeIsCalledByATest()
    {
        HashSet<MemberInfo> called = CalledMembers.In(typeof(FacadeSurfaceTests).Assembly);
        List<MemberInfo> required = RequiredMembers().ToList();
        Assert.IsTrue(required.Count > 250, $"the façade's surface was found ({required.Count} members)");

        string[] missing = required
            .Where(member => !called.Contains(member) && !(member is MethodInfo method && called.Contains(method.GetBaseDefinition())))
            .Select(Describe)
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.AreEqual(0, missing.Length, "public members of the façade that no test calls:" + Environment.NewLine + string.Join(Environment.NewLine, missing));
    }

    [TestMethod]
    public void TheScannerSeesCallsInLambdasGenericsAndFieldLoads()
    {
        // The control for the guard above: members this test uses only inside a lambda, as a generic method, or as a
        // field are found; a member nothing in the assembly calls is not.
        HashSet<MemberInfo> called = CalledMembers.In(typeof(FacadeSurfaceTests).Assembly);
        Func<Val> lambda = () => Val.I64(3);
        Assert.AreEqual(ValKind.I64, lambda().Kind);
        Assert.AreEqual("f32", ValType.F32.ToString());
        Assert.Contains(typeof(Val).GetMethod(nameof(Val.I64))!, called);
        Assert.Contains(typeof(ValType).GetField(nameof(ValType.F32))!, called);
        Assert.Contains(typeof(Memory).GetMethod(nameof(Memory.Read), [typeof(long)])!.GetGenericMethodDefinition(), called);
        Assert.DoesNotContain(typeof(UnreferencedProbe).GetMethod(nameof(UnreferencedProbe.NeverCalled))!, called);
    }

    private static IEnumerable<MemberInfo> RequiredMembers()
    {
        IEnumerable<Type> types = typeof(Engine).Assembly.GetExportedTypes()
            .Where(type => type.Namespace == "Wamr" && !type.IsEnum && !typeof(Delegate).IsAssignableFrom(type));
        foreach (Type type in types)
        {
            foreach (ConstructorInfo constructor in type.GetConstructors(Declared))
            {
                yield return constructor;
            }

            foreach (MethodInfo method in type.GetMethods(Declared))
            {
                bool accessor = method.IsSpecialName && (method.Name.StartsWith("get_", StringComparison.Ordinal) || method.Name.StartsWith("set_", StringComparison.Ordinal));
                bool synthesised = !accessor && method.IsDefined(typeof(CompilerGeneratedAttribute));
                bool overridesObject = method.GetBaseDefinition().DeclaringType is { } origin && (origin == typeof(object) || origin == typeof(ValueType));
                if (!synthesised && !(overridesObject && method.GetBaseDefinition() != method))
                {
                    yield return method;
                }
            }

            foreach (FieldInfo field in type.GetFields(Declared).Where(field => !field.IsLiteral))
            {
                yield return field;
            }
        }
    }

    private static string Describe(MemberInfo member) => member switch
    {
        MethodBase method => $"{method.DeclaringType!.Name}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))})"
            + (method.IsGenericMethodDefinition ? $" `{method.GetGenericArguments().Length}" : string.Empty),
        _ => $"{member.DeclaringType!.Name}.{member.Name}",
    };

    private static class UnreferencedProbe
    {
        public static void NeverCalled()
        {
        }
    }
}
