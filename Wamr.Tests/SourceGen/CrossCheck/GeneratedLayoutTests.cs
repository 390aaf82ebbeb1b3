using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.SourceGen.CrossCheck;

/// <summary>
/// Checks every struct and union the generator emits against the layout the C compiler gives WAMR's records:
/// the struct exists under its C name, has the C size (both <c>Marshal.SizeOf</c> and <c>Unsafe.SizeOf</c>), and
/// every field (following paths into anonymous members such as <c>wasm_val_t.of.i32</c>) has the C offset and width
/// and no field is extra. Opaque C structs only have to exist.
/// </summary>
[TestClass]
public sealed class GeneratedLayoutTests
{
    private const BindingFlags InstanceFields = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    [TestMethod]
    public void EveryRecordHasAStruct()
    {
        Assembly assembly = GeneratedBindings.RequireAssembly();
        HeaderFacts facts = ClangHeaderFacts.Facts;
        Assert.IsGreaterThan(40, facts.Records.Count);
        List<string> mismatches = [];
        foreach (CRecord record in facts.Records)
        {
            Type? type = assembly.GetType(GeneratedBindings.Namespace + "." + record.Name);
            if (type is null)
            {
                mismatches.Add($"{record.Name}: no struct {GeneratedBindings.Namespace}.{record.Name} ({(record.IsOpaque ? "opaque " : string.Empty)}{record.CName}, {record.Header})");
            }
            else if (!type.IsValueType || type.IsEnum)
            {
                mismatches.Add($"{record.Name}: {type.FullName} is not a struct");
            }
        }

        GeneratedBindings.AssertNoMismatches(mismatches, "record");
    }

    [TestMethod]
    public void StructSizesMatchC()
    {
        Assembly assembly = GeneratedBindings.RequireAssembly();
        HeaderFacts facts = ClangHeaderFacts.Facts;
        Assert.IsGreaterThan(15, facts.CompleteRecords.Count());
        List<string> mismatches = [];
        foreach (CRecord record in facts.CompleteRecords)
        {
            if (assembly.GetType(GeneratedBindings.Namespace + "." + record.Name) is not { IsValueType: true } type)
            {
                mismatches.Add($"{record.Name}: missing (C: {record.Size} bytes)");
                continue;
            }

            CheckSize(record.Name, type, record.Size, mismatches);
            if (record.Kind == "struct" && !type.IsLayoutSequential && !type.IsExplicitLayout)
            {
                mismatches.Add($"{record.Name}: layout must be sequential or explicit, is auto");
            }
            else if (record.Kind == "union" && !type.IsExplicitLayout)
            {
                mismatches.Add($"{record.Name}: a C union must have explicit layout");
            }
        }

        GeneratedBindings.AssertNoMismatches(mismatches, "struct size");
    }

    [TestMethod]
    public void FieldOffsetsAndWidthsMatchC()
    {
        Assembly assembly = GeneratedBindings.RequireAssembly();
        HeaderFacts facts = ClangHeaderFacts.Facts;
        Assert.IsGreaterThan(90, facts.CompleteRecords.Sum(r => r.AllFields.Count()));
        List<string> mismatches = [];
        foreach (CRecord record in facts.CompleteRecords)
        {
            if (assembly.GetType(GeneratedBindings.Namespace + "." + record.Name) is not { IsValueType: true } type)
            {
                mismatches.Add($"{record.Name}: missing, so none of its {record.AllFields.Count()} fields can be checked");
                continue;
            }

            CheckFields(record.Name, type, record.Fields, 0, mismatches);
        }

        GeneratedBindings.AssertNoMismatches(mismatches, "field layout");
    }

    /// <summary>Compares the fields of <paramref name="type"/>, which starts at <paramref name="baseOffset"/> in the outer record.</summary>
    private static void CheckFields(string path, Type type, IReadOnlyList<CField> fields, int baseOffset, List<string> mismatches)
    {
        foreach (CField field in fields)
        {
            string where = path + "." + field.Name;
            FieldInfo? info = type.GetField(field.Name, InstanceFields);
            if (info is null)
            {
                mismatches.Add($"{where}: no field '{field.Name}' in {type.FullName} (C: {field.Type} at {field.Offset})");
                continue;
            }

            if (field.IsBitField)
            {
                mismatches.Add($"{where}: is a C bit-field; the cross-check cannot verify it");
                continue;
            }

            int offset;
            try
            {
                offset = baseOffset + (int)Marshal.OffsetOf(type, field.Name);
            }
            catch (ArgumentException e)
            {
                mismatches.Add($"{where}: Marshal.OffsetOf failed: {e.Message}");
                continue;
            }

            if (offset != field.Offset)
            {
                mismatches.Add($"{where}: offset {offset}, C {field.Offset}");
            }

            if (field.IsArray)
            {
                if (GeneratedBindings.FixedBuffer(info) is not { } buffer)
                {
                    mismatches.Add($"{where}: C array {field.Type} must be a fixed buffer, is {info.FieldType.Name}");
                    continue;
                }

                int width = buffer.Length * GeneratedBindings.FieldWidth(buffer.ElementType);
                if (buffer.Length != field.ArrayLength || width != field.Size)
                {
                    mismatches.Add($"{where}: fixed {buffer.ElementType.Name}[{buffer.Length}] ({width} bytes), C {field.Type} ({field.Size} bytes)");
                }
            }
            else if (field.HasAnonymousRecordType)
            {
                Type nested = info.FieldType;
                if (!nested.IsValueType || nested.IsPrimitive || nested.IsEnum)
                {
                    mismatches.Add($"{where}: anonymous C {field.NestedKind} must be a struct, is {nested.FullName}");
                    continue;
                }

                CheckSize(where, nested, field.Size, mismatches);
                if (field.NestedKind == "union" && !nested.IsExplicitLayout)
                {
                    mismatches.Add($"{where}: a C union must have explicit layout ({nested.FullName})");
                }

                CheckFields(where, nested, field.NestedFields, offset, mismatches);
            }
            else
            {
                int width = GeneratedBindings.FieldWidth(info.FieldType);
                if (width != field.Size)
                {
                    mismatches.Add($"{where}: {info.FieldType.Name} is {width} bytes, C {field.Type} is {field.Size}");
                }
            }
        }

        HashSet<string> known = fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (FieldInfo extra in type.GetFields(InstanceFields).Where(f => !known.Contains(f.Name)))
        {
            mismatches.Add($"{path}: extra field '{extra.Name}' in {type.FullName} that C does not have");
        }
    }

    private static void CheckSize(string what, Type type, int expected, List<string> mismatches)
    {
        int managed = GeneratedBindings.ManagedSize(type);
        if (managed != expected)
        {
            mismatches.Add($"{what}: Unsafe.SizeOf is {managed}, C sizeof is {expected}");
        }

        try
        {
            int marshalled = Marshal.SizeOf(type);
            if (marshalled != expected)
            {
                mismatches.Add($"{what}: Marshal.SizeOf is {marshalled}, C sizeof is {expected}");
            }
        }
        catch (ArgumentException e)
        {
            mismatches.Add($"{what}: Marshal.SizeOf failed: {e.Message}");
        }
    }
}
