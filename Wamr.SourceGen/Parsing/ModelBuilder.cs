using System.Collections.Generic;
using System.Linq;

using Wamr.SourceGen.Diagnostics;
using Wamr.SourceGen.Model;
using Wamr.SourceGen.Preprocessing;
using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Parsing;

/// <summary>
/// Collects the declarations of a unit. Those of the external declaration being parsed can be dropped
/// (<see cref="Rollback"/>) when it turns out to be malformed, or renamed once anonymous types get their names.
/// </summary>
internal sealed class ModelBuilder
{
    private readonly List<(int Sequence, RecordDecl Record)> _records = new();
    private readonly List<EnumDecl> _enums = new();
    private readonly List<TypedefDecl> _typedefs = new();
    private readonly List<FunctionDecl> _functions = new();
    private readonly List<ConstantDecl> _constants = new();
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private int _sequence;

    /// <summary>An increasing number that orders records (bodies by where they end, opaque ones by first mention).</summary>
    public int NextSequence() => _sequence++;

    public void AddRecord(int sequence, RecordDecl record) => _records.Add((sequence, record));

    public void AddEnum(EnumDecl decl) => _enums.Add(decl);

    public void AddTypedef(TypedefDecl decl) => _typedefs.Add(decl);

    public void AddFunction(FunctionDecl decl) => _functions.Add(decl);

    public void AddConstant(ConstantDecl decl) => _constants.Add(decl);

    /// <summary>Reports a problem; reports are never rolled back.</summary>
    public void Report(DiagnosticInfo diagnostic) => _diagnostics.Add(diagnostic);

    public Snapshot Take() => new(_records.Count, _enums.Count, _typedefs.Count, _functions.Count, _constants.Count);

    /// <summary>Drops every declaration added since <paramref name="snapshot"/>.</summary>
    public void Rollback(Snapshot snapshot)
    {
        Truncate(_records, snapshot.Records);
        Truncate(_enums, snapshot.Enums);
        Truncate(_typedefs, snapshot.Typedefs);
        Truncate(_functions, snapshot.Functions);
        Truncate(_constants, snapshot.Constants);
    }

    /// <summary>Applies the names of anonymous types to every declaration added since <paramref name="snapshot"/>.</summary>
    public void Rename(Snapshot snapshot, IReadOnlyDictionary<string, string> names)
    {
        if (names.Count == 0)
        {
            return;
        }

        for (int i = snapshot.Records; i < _records.Count; i++)
        {
            RecordDecl r = _records[i].Record;
            _records[i] = (_records[i].Sequence, new RecordDecl(
                TypeRenamer.Rename(r.Name, names),
                r.Kind,
                r.Fields.Select(f => f with { Type = TypeRenamer.Rename(f.Type, names) }).ToEquatableArray(),
                r.IsOpaque,
                r.IsAnonymous,
                r.Location,
                r.Doc));
        }

        for (int i = snapshot.Enums; i < _enums.Count; i++)
        {
            EnumDecl e = _enums[i];
            _enums[i] = new EnumDecl(TypeRenamer.Rename(e.Name, names), e.Members, e.IsAnonymous, e.Location, e.Doc);
        }

        for (int i = snapshot.Typedefs; i < _typedefs.Count; i++)
        {
            _typedefs[i] = _typedefs[i] with { Type = TypeRenamer.Rename(_typedefs[i].Type, names) };
        }

        for (int i = snapshot.Functions; i < _functions.Count; i++)
        {
            FunctionDecl f = _functions[i];
            _functions[i] = f with
            {
                ReturnType = TypeRenamer.Rename(f.ReturnType, names),
                Parameters = TypeRenamer.Rename(f.Parameters, names),
            };
        }

        for (int i = snapshot.Constants; i < _constants.Count; i++)
        {
            _constants[i] = _constants[i] with { Type = TypeRenamer.Rename(_constants[i].Type, names) };
        }
    }

    /// <summary>
    /// The model: records in order (opaque ones for tags never given a body), the other declarations in order,
    /// each name once (the first declaration wins), diagnostics after the preprocessor's.
    /// </summary>
    public HeaderModel Build(PreprocessResult input, TypeTable table, EquatableArray<MacroDefinition> macros)
    {
        IEnumerable<RecordDecl> records = _records.Concat(table.OpaqueRecords())
            .OrderBy(r => r.Sequence)
            .Select(r => r.Record);
        return new HeaderModel(
            FirstOfEachName(records),
            FirstOfEachName(_enums),
            FirstOfEachName(_typedefs),
            FirstOfEachName(_functions),
            FirstOfEachName(_constants),
            macros,
            input.Diagnostics.Concat(_diagnostics).ToEquatableArray());
    }

    private static EquatableArray<T> FirstOfEachName<T>(IEnumerable<T> decls)
        where T : Declaration, System.IEquatable<T>
    {
        var seen = new HashSet<string>();
        return decls.Where(d => seen.Add(d.Name)).ToEquatableArray();
    }

    private static void Truncate<T>(List<T> list, int count) => list.RemoveRange(count, list.Count - count);

    /// <summary>How many declarations of each kind there were.</summary>
    public readonly record struct Snapshot(int Records, int Enums, int Typedefs, int Functions, int Constants);
}
