using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Invocation;
using QuantumScheduler.Runtime.Messaging;

namespace QuantumScheduler.Runtime.Networking;

/// <summary>A message frame as read: a request ready for delivery, a response for a waiting caller, or a request whose
/// body could not be read (answered with <see cref="BodyError"/>).</summary>
internal readonly record struct IncomingMessage(
    long Id,
    MessageDirection Direction,
    SiloAddress Sender,
    SiloAddress Target,
    Message? Request,
    Response? Response,
    Exception? BodyError);
