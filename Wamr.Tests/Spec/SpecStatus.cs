namespace Wamr.Tests.Spec;

/// <summary>What became of one command of the testsuite.</summary>
public enum SpecStatus
{
    /// <summary>The binding did what the specification says.</summary>
    Passed,

    /// <summary>It did not (see the outcome's detail and category).</summary>
    Failed,

    /// <summary>The command does not apply to a binary-only runtime (a module in the text format).</summary>
    NotApplicable,
}
