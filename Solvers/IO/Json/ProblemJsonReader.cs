using System.Text.Json;
using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Validation;

namespace QuantumScheduler.Solvers.IO.Json;

/// <summary>
/// Reads the JSON problem format (docs/problem-format.md). Never throws on bad input: malformed JSON is
/// reported with its line and column, wrong types and unknown properties at their path, missing values,
/// and then everything <see cref="ProblemValidator"/> finds — all in one list.
/// </summary>
public static class ProblemJsonReader
{
    public static ProblemReadResult ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(new ValidationError("", $"cannot read {path}: {e.Message}"));
        }
        return Read(json);
    }

    public static ProblemReadResult Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (string.IsNullOrWhiteSpace(json))
            return Failed(new ValidationError("", "the document is empty; expected a JSON object"));
        ProblemDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, ProblemJsonContext.Default.ProblemDocument);
        }
        catch (JsonException e)
        {
            return Failed(JsonErrorDescriber.Describe(e));
        }
        if (document is null)
            return Failed(new ValidationError("", "the document must be a JSON object, not null"));

        var mapper = new ProblemDocumentMapper();
        var problem = mapper.Map(document);
        var errors = mapper.Errors.Concat(ProblemValidator.Validate(problem)).ToList();
        return errors.Count == 0 ? new ProblemReadResult(problem, []) : new ProblemReadResult(null, errors);
    }

    private static ProblemReadResult Failed(ValidationError error) => new(null, [error]);
}
