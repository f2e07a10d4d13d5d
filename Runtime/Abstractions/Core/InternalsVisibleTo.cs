using System.Runtime.CompilerServices;

// The engine sets the ambient grain context while it constructs a grain and moves RequestContext data into
// and out of messages; neither is part of the programming model.
[assembly: InternalsVisibleTo("QuantumScheduler.Runtime")]
// The external client moves RequestContext data into the messages it sends to a gateway.
[assembly: InternalsVisibleTo("QuantumScheduler.Runtime.Client")]
