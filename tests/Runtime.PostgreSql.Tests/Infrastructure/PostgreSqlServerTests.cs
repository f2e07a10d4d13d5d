namespace QuantumScheduler.Runtime.PostgreSql.Tests.Infrastructure;

/// <summary>The fixture's search for the server binaries: it must fail loudly, never skip, when they are missing.</summary>
public sealed class PostgreSqlServerTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"qs-pg-bin-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Missing_binaries_fail_with_an_install_hint()
    {
        Directory.CreateDirectory(Path.Combine(_root, "15", "bin"));
        File.WriteAllText(Path.Combine(_root, "15", "bin", "initdb"), "");

        var error = Assert.Throws<InvalidOperationException>(() => PostgreSqlServer.FindBinDirectory(_root));

        Assert.Contains("install postgresql", error.Message);
        Assert.Contains(_root, error.Message);
    }

    [Fact]
    public void The_newest_complete_major_version_is_chosen()
    {
        foreach (var (major, tools) in new[] { ("9", new[] { "initdb", "pg_ctl" }), ("15", new[] { "initdb", "pg_ctl" }), ("16", new[] { "initdb" }) })
        {
            var bin = Directory.CreateDirectory(Path.Combine(_root, major, "bin")).FullName;
            foreach (var tool in tools)
                File.WriteAllText(Path.Combine(bin, tool), "");
        }

        Assert.Equal(Path.Combine(_root, "15", "bin"), PostgreSqlServer.FindBinDirectory(_root));
    }
}
