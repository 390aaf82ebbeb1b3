using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;

namespace Wamr.Tests.Facade;

/// <summary>
/// The methods, constructors and fields that an assembly's code references (calls, <c>newobj</c>, <c>ldftn</c>,
/// field loads and stores), found by reading the IL of every method body, lambdas and state machines included.
/// </summary>
internal static class CalledMembers
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Every member referenced by the IL of <paramref name="assembly"/>, generic methods as their definitions.</summary>
    public static HashSet<MemberInfo> In(Assembly assembly)
    {
        var found = new HashSet<MemberInfo>();
        foreach (Type type in assembly.GetTypes())
        {
            foreach (MethodBase method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
            {
                Scan(method, found);
            }
        }

        return found;
    }

    private static void Scan(MethodBase method, HashSet<MemberInfo> found)
    {
        byte[]? il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            return;
        }

        Type[]? typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        Type[]? methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        int position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
            {
                value = unchecked((short)(0xFE00 | il[position++]));
            }

            OpCode code = OpCodesByValue[value];
            switch (code.OperandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    position += 1;
                    break;
                case OperandType.InlineVar:
                    position += 2;
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    position += 8;
                    break;
                case OperandType.InlineSwitch:
                    position += 4 + (4 * BitConverter.ToInt32(il, position));
                    break;
                case OperandType.InlineMethod:
                case OperandType.InlineField:
                case OperandType.InlineTok:
                    Add(method.Module, BitConverter.ToInt32(il, position), typeArguments, methodArguments, found);
                    position += 4;
                    break;
                default:
                    position += 4;
                    break;
            }
        }
    }

    private static void Add(System.Reflection.Module module, int token, Type[]? typeArguments, Type[]? methodArguments, HashSet<MemberInfo> found)
    {
        MemberInfo member;
        try
        {
            member = module.ResolveMember(token, typeArguments, methodArguments)!;
        }
        catch (ArgumentException)
        {
            return; // a type token (ldtoken of a type) or a signature the runtime cannot resolve out of context
        }

        if (member is MethodInfo { IsGenericMethod: true } generic)
        {
            member = generic.GetGenericMethodDefinition();
        }

        found.Add(member);
    }
}
