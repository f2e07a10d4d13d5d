namespace QuantumScheduler.Silo.Configuration.Scheduling;

/// <summary>The type of a value in <c>production.yaml</c> or an environment variable.</summary>
internal enum ConfigurationValueKind
{
    Text,
    Integer,
    Number,
    Boolean,
    /// <summary>A number of seconds, bound as a <see cref="TimeSpan"/>.</summary>
    Seconds,
    /// <summary><c>debug</c>, <c>info</c>, <c>warning</c>, <c>error</c> (also <c>trace</c>, <c>critical</c>).</summary>
    LogLevel,
    /// <summary><c>development</c>, <c>staging</c> or <c>production</c>.</summary>
    Environment,
}
