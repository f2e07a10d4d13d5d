using Microsoft.Extensions.Options;

namespace QuantumScheduler.Runtime.Storage.Sqlite;

/// <summary>
/// Checks SQLite options at start-up and makes sure the data directory exists, so a path that is a file or
/// cannot be created stops the start with a message naming the option, instead of failing on the first grain call.
/// </summary>
public sealed class SqliteStorageOptionsValidator<TOptions> : IValidateOptions<TOptions> where TOptions : SqliteStorageOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var key = string.IsNullOrEmpty(name) ? typeof(TOptions).Name : $"{typeof(TOptions).Name}[\"{name}\"]";
        if (string.IsNullOrWhiteSpace(options.FileName) || options.FileName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            return ValidateOptionsResult.Fail($"{key}.FileName \"{options.FileName}\" is not a plain file name (no directory separators).");
        if (options.BusyTimeout <= TimeSpan.Zero || options.BusyTimeout.TotalSeconds > int.MaxValue)
            return ValidateOptionsResult.Fail($"{key}.BusyTimeout {options.BusyTimeout} must be positive and finite.");
        if (!Enum.IsDefined(options.Synchronous))
            return ValidateOptionsResult.Fail($"{key}.Synchronous {options.Synchronous} is not one of {string.Join(", ", Enum.GetNames<SqliteSynchronousMode>())}.");
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
            return ValidateOptionsResult.Fail($"{key}.DataDirectory is empty; set it to the directory that should hold {options.FileName}.");

        string directory;
        try
        {
            directory = Path.GetFullPath(options.DataDirectory);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return ValidateOptionsResult.Fail($"{key}.DataDirectory \"{options.DataDirectory}\" is not a valid path: {exception.Message}");
        }

        if (File.Exists(directory))
            return ValidateOptionsResult.Fail($"{key}.DataDirectory \"{directory}\" is a file, not a directory.");
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return ValidateOptionsResult.Fail($"{key}.DataDirectory \"{directory}\" cannot be created: {exception.Message}");
        }

        return Directory.Exists(options.DatabasePath)
            ? ValidateOptionsResult.Fail($"{key}.FileName: \"{options.DatabasePath}\" is a directory, not a database file.")
            : ValidateOptionsResult.Success;
    }
}
