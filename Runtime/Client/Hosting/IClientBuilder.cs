using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace QuantumScheduler.Runtime.Client;

/// <summary>Configures an external cluster client: where it finds gateways, its options, its outgoing call filters.</summary>
public interface IClientBuilder
{
    IServiceCollection Services { get; }

    IConfiguration Configuration { get; }
}

internal sealed class ClientBuilder(IServiceCollection services, IConfiguration configuration) : IClientBuilder
{
    public IServiceCollection Services { get; } = services;

    public IConfiguration Configuration { get; } = configuration;
}
