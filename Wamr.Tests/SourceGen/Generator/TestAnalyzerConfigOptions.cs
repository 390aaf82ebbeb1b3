using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Wamr.Tests.SourceGen.Generator;

/// <summary>Analyzer config options from dictionaries: global <c>build_property.*</c> and per-file <c>build_metadata.*</c>.</summary>
internal sealed class TestAnalyzerConfigOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly Dictionary<string, Options> _perFile = new();

    public TestAnalyzerConfigOptionsProvider(Dictionary<string, string> global) => GlobalOptions = new Options(global);

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public void SetFileMetadata(string path, Dictionary<string, string> metadata) =>
        _perFile[path] = new Options(metadata);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        _perFile.TryGetValue(textFile.Path, out Options? o) ? o : new Options(new Dictionary<string, string>());

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public Options(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
