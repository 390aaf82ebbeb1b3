using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace Wamr.Tests.Spec;

/// <summary>
/// Values of <c>wast2json</c> scripts: integers as unsigned decimal, floats as their bit pattern in decimal (or
/// <c>nan:canonical</c> / <c>nan:arithmetic</c> as expected results), references as <c>null</c> or a host
/// reference number.
/// </summary>
public sealed class SpecValues
{
    private readonly Dictionary<ulong, object> _hostReferences = new();

    /// <summary>An argument as a <see cref="Val"/>; host reference <c>N</c> is the same .NET object each time.</summary>
    public Val Argument(JsonElement value)
    {
        string type = value.GetProperty("type").GetString()!;
        string text = value.TryGetProperty("value", out JsonElement v) ? v.GetString()! : "null";
        return type switch
        {
            "i32" => Val.I32(unchecked((int)uint.Parse(text, CultureInfo.InvariantCulture))),
            "i64" => Val.I64(unchecked((long)ulong.Parse(text, CultureInfo.InvariantCulture))),
            "f32" => Val.F32(BitConverter.Int32BitsToSingle(unchecked((int)uint.Parse(text, CultureInfo.InvariantCulture)))),
            "f64" => Val.F64(BitConverter.Int64BitsToDouble(unchecked((long)ulong.Parse(text, CultureInfo.InvariantCulture)))),
            "externref" => Val.ExternRef(text == "null" ? null : HostReference(text)),
            "funcref" when text == "null" => Val.FuncRef(null),
            _ => throw new FormatException($"unknown argument {value}"),
        };
    }

    /// <summary>Whether <paramref name="actual"/> is what <paramref name="expected"/> describes.</summary>
    public bool Matches(JsonElement expected, Val actual)
    {
        string type = expected.GetProperty("type").GetString()!;
        string? text = expected.TryGetProperty("value", out JsonElement v) ? v.GetString() : null;
        switch (type)
        {
            case "i32":
                return actual.Kind == ValKind.I32 && unchecked((uint)actual.AsI32()) == uint.Parse(text!, CultureInfo.InvariantCulture);
            case "i64":
                return actual.Kind == ValKind.I64 && unchecked((ulong)actual.AsI64()) == ulong.Parse(text!, CultureInfo.InvariantCulture);
            case "f32":
                {
                    if (actual.Kind != ValKind.F32)
                    {
                        return false;
                    }

                    uint bits = unchecked((uint)BitConverter.SingleToInt32Bits(actual.AsF32()));
                    return text switch
                    {
                        "nan:canonical" => (bits & 0x7FFF_FFFFu) == 0x7FC0_0000u,
                        "nan:arithmetic" => (bits & 0x7FC0_0000u) == 0x7FC0_0000u,
                        _ => bits == uint.Parse(text!, CultureInfo.InvariantCulture),
                    };
                }

            case "f64":
                {
                    if (actual.Kind != ValKind.F64)
                    {
                        return false;
                    }

                    ulong bits = unchecked((ulong)BitConverter.DoubleToInt64Bits(actual.AsF64()));
                    return text switch
                    {
                        "nan:canonical" => (bits & 0x7FFF_FFFF_FFFF_FFFFul) == 0x7FF8_0000_0000_0000ul,
                        "nan:arithmetic" => (bits & 0x7FF8_0000_0000_0000ul) == 0x7FF8_0000_0000_0000ul,
                        _ => bits == ulong.Parse(text!, CultureInfo.InvariantCulture),
                    };
                }

            case "externref":
                return actual.Kind == ValKind.ExternRef && text switch
                {
                    null => !actual.IsNull,
                    "null" => actual.IsNull,
                    _ => ReferenceEquals(actual.AsExternRef(), HostReference(text)),
                };
            case "funcref":
                return actual.Kind == ValKind.FuncRef && (text == "null" ? actual.IsNull : !actual.IsNull);
            default:
                throw new FormatException($"unknown expected value {expected}");
        }
    }

    /// <summary>An expected value as text, for failure details.</summary>
    public static string Describe(JsonElement expected)
    {
        string type = expected.GetProperty("type").GetString()!;
        string? text = expected.TryGetProperty("value", out JsonElement v) ? v.GetString() : null;
        return type switch
        {
            "i32" => Val.I32(unchecked((int)uint.Parse(text!, CultureInfo.InvariantCulture))).ToString(),
            "i64" => Val.I64(unchecked((long)ulong.Parse(text!, CultureInfo.InvariantCulture))).ToString(),
            "f32" or "f64" when text!.StartsWith("nan:", StringComparison.Ordinal) => $"({type}.const {text})",
            "f32" => $"(f32.const 0x{uint.Parse(text!, CultureInfo.InvariantCulture):x8})",
            "f64" => $"(f64.const 0x{ulong.Parse(text!, CultureInfo.InvariantCulture):x16})",
            _ => text is null ? $"(ref.{type[..^3]})" : text == "null" ? $"(ref.null {type[..^3]})" : $"(ref.{type[..^3]} {text})",
        };
    }

    /// <summary>An actual value as text, floats with their bits (so NaN payloads show).</summary>
    public static string Describe(Val value) => value.Kind switch
    {
        ValKind.F32 => $"(f32.const 0x{unchecked((uint)BitConverter.SingleToInt32Bits(value.AsF32())):x8})",
        ValKind.F64 => $"(f64.const 0x{unchecked((ulong)BitConverter.DoubleToInt64Bits(value.AsF64())):x16})",
        _ => value.ToString(),
    };

    private object HostReference(string text)
    {
        ulong number = ulong.Parse(text, CultureInfo.InvariantCulture);
        if (!_hostReferences.TryGetValue(number, out object? reference))
        {
            _hostReferences[number] = reference = new HostReferenceObject(number);
        }

        return reference;
    }

    /// <summary>The .NET object standing for the script's host reference <c>N</c>.</summary>
    private sealed record HostReferenceObject(ulong Number);
}
