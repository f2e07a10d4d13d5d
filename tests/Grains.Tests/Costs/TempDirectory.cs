namespace QuantumScheduler.Grains.Tests.Costs;

/// <summary>A directory deleted at the end of the test.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("qs-grains-tests-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a stopping host or process; the OS temp cleaner will have it.
        }
    }
}
