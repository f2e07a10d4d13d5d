using Microsoft.CodeAnalysis;

namespace QuantumScheduler.Runtime.CodeGenerator
{
    /// <summary>The generator's compile-time errors: each names what is wrong and where.</summary>
    internal static class Diagnostics
    {
        private const string Category = "QuantumScheduler.Runtime";

        public static readonly DiagnosticDescriptor InvalidReturnType = Error(
            "QS0001", "Grain method has an unsupported return type",
            "Grain method '{0}' returns '{1}': grain interface methods must return Task, Task<T>, ValueTask or ValueTask<T>");

        public static readonly DiagnosticDescriptor GenericMethod = Error(
            "QS0002", "Grain method is generic",
            "Grain method '{0}' is generic: grain interface methods cannot have type parameters (make the interface generic instead)");

        public static readonly DiagnosticDescriptor ByRefParameter = Error(
            "QS0003", "Grain method has a ref, out or in parameter",
            "Parameter '{1}' of grain method '{0}' is passed by reference ({2}): grain calls copy their arguments, so ref, out and in are not supported");

        public static readonly DiagnosticDescriptor CancellationTokenNotLast = Error(
            "QS0004", "CancellationToken must be the last parameter",
            "Grain method '{0}' takes a CancellationToken that is not its last parameter (or more than one): a grain method may take one CancellationToken, as its last parameter");

        public static readonly DiagnosticDescriptor UnserializableType = Error(
            "QS0005", "Type cannot be serialised",
            "{0} has type '{1}', which the serializer cannot handle: use a primitive or supported built-in type, a supported collection, a grain interface, or mark the type [GenerateSerializer]");

        public static readonly DiagnosticDescriptor DuplicateId = Error(
            "QS0006", "Duplicate [Id] in one type",
            "[Id({0})] is used by both '{1}' and '{2}' in '{3}': every serialised member of a type needs its own id");

        public static readonly DiagnosticDescriptor OneWayWithResult = Error(
            "QS0007", "One-way grain method returns a result",
            "Grain method '{0}' is [OneWay] but returns '{1}': a one-way call gets no response, so it must return Task or ValueTask");

        public static readonly DiagnosticDescriptor InvalidTimeSpan = Error(
            "QS0008", "Invalid time span in attribute",
            "[{0}(\"{1}\")] on '{2}' is not a valid time span (expected e.g. \"00:00:05\")");

        public static readonly DiagnosticDescriptor UnassignableMember = Error(
            "QS0009", "[Id] member cannot be read back",
            "'{0}' has [Id] but can be neither set nor reached through a backing field: use a field, an auto-property, or a property with a setter");

        public static readonly DiagnosticDescriptor NoPublicConstructor = Error(
            "QS0010", "Grain class has no public constructor",
            "Grain class '{0}' has no public constructor, so the runtime cannot create it");

        public static readonly DiagnosticDescriptor InvalidPersistentStateParameter = Error(
            "QS0011", "[PersistentState] on a parameter that is not IPersistentState<T>",
            "Parameter '{0}' of '{1}' has [PersistentState] but type '{2}': it must be IPersistentState<TState>");

        public static readonly DiagnosticDescriptor PropertyInGrainInterface = Error(
            "QS0012", "Grain interface declares a member that is not an instance method",
            "Grain interface '{0}' declares '{1}', which is not an instance method: grain interfaces may only declare instance methods (no properties, events or static members)");

        public static readonly DiagnosticDescriptor NonGrainBaseInterface = Error(
            "QS0013", "Grain interface inherits members of a non-grain interface",
            "Grain interface '{0}' inherits '{1}' from '{2}', which is not a grain interface: a grain proxy can only implement grain methods");

        private static DiagnosticDescriptor Error(string id, string title, string message) =>
            new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
    }
}
