namespace Wamr.SourceGen.Emitting;

/// <summary>One generated source: its stable hint name and its text.</summary>
/// <param name="HintName">The hint name, e.g. <c>Wamr.Interop.WasmCApi.g.cs</c>.</param>
/// <param name="Text">The C# source.</param>
public sealed record GeneratedFile(string HintName, string Text);
