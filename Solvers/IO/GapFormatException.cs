namespace QuantumScheduler.Solvers.IO;

/// <summary>A GAP file that does not follow the OR-Library/Yagiura layout.</summary>
public sealed class GapFormatException : FormatException
{
    public GapFormatException(string path, int tokenPosition, int? line, string problem)
        : base($"{path}: token {tokenPosition}{(line is { } l ? $" (line {l})" : "")}: {problem}")
    {
        FilePath = path;
        TokenPosition = tokenPosition;
        Line = line;
    }

    /// <summary>The file that was being read.</summary>
    public string FilePath { get; }

    /// <summary>1-based position of the offending token (or of the missing one).</summary>
    public int TokenPosition { get; }

    /// <summary>1-based line of the offending token, when there is one.</summary>
    public int? Line { get; }
}
