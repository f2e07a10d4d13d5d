namespace QuantumScheduler.Solvers.IO;

/// <summary>One whitespace-separated token of a GAP file and the 1-based line it is on (for error messages).</summary>
internal readonly record struct GapToken(string Text, int Line);

/// <summary>Splits a GAP file into tokens; line numbers are kept only to point at errors.</summary>
internal static class GapTokenizer
{
    public static List<GapToken> Tokenize(string path, string text)
    {
        var tokens = new List<GapToken>(text.Length / 3);
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n') { line++; i++; continue; }
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            tokens.Add(new GapToken(text[start..i], line));
        }
        if (tokens.Count == 0)
            throw new GapFormatException(path, 1, null, "the file is empty; expected a GAP instance");
        return tokens;
    }
}
