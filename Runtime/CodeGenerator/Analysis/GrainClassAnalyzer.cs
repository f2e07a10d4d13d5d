using System.Linq;
using Microsoft.CodeAnalysis;
using QuantumScheduler.Runtime.CodeGenerator.Model;

namespace QuantumScheduler.Runtime.CodeGenerator.Analysis
{
    /// <summary>Turns a grain class into the model of its <c>GrainClassDescriptor</c>.</summary>
    internal static class GrainClassAnalyzer
    {
        private const string GrainSuffix = "grain";

        public static bool IsCandidate(INamedTypeSymbol type) =>
            type.TypeKind == TypeKind.Class && !type.IsAbstract && !type.IsStatic && type.AllInterfaces.Any(i => i.IsGrainInterface());

        public static GrainClassModel? Analyze(INamedTypeSymbol type)
        {
            // Generic grain classes are not supported yet: they get no descriptor (see docs/runtime-serialization.md).
            if (type.IsGenericType || !type.IsAccessibleFromAssembly())
                return null;

            var diagnostics = new System.Collections.Generic.List<DiagnosticInfo>();
            var interfaces = type.AllInterfaces
                .Where(i => i.IsGrainInterface() && !KnownTypeNames.IsMarkerInterface(i.ToDisplayString()))
                .Select(i => i.ToCode())
                .ToEquatableArray();

            int? statelessWorker = null;
            if (type.GetAttribute(KnownTypeNames.StatelessWorker) is { } worker)
                statelessWorker = worker.ConstructorArguments.Length == 1 && worker.ConstructorArguments[0].Value is int max ? max : 0;

            long? collectionAge = null;
            if (type.GetAttribute(KnownTypeNames.CollectionAgeLimit) is { ConstructorArguments.Length: 1 } age)
            {
                var text = age.ConstructorArguments[0].Value;
                if (SymbolExtensions.TryParseTimeSpan(text, out var ticks))
                    collectionAge = ticks;
                else
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidTimeSpan, type, "CollectionAgeLimit", text?.ToString() ?? "null", type.Name));
            }

            var constructor = type.InstanceConstructors
                .Where(c => c.DeclaredAccessibility == Accessibility.Public)
                .OrderByDescending(c => c.Parameters.Length)
                .FirstOrDefault();
            var parameters = new System.Collections.Generic.List<ConstructorParameterModel>();
            if (constructor is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.NoPublicConstructor, type, type.ToDisplayString()));
            }
            else
            {
                foreach (var parameter in constructor.Parameters)
                    parameters.Add(DescribeParameter(type, parameter, diagnostics));
            }

            return new GrainClassModel(
                type.ToCode(),
                GrainTypeName(type),
                interfaces,
                type.HasAttribute(KnownTypeNames.Reentrant),
                statelessWorker,
                type.HasAttribute(KnownTypeNames.KeepAlive),
                collectionAge,
                PlacementName(type),
                parameters.ToEquatableArray(),
                constructor is not null && diagnostics.Count == 0,
                diagnostics.ToEquatableArray());
        }

        private static ConstructorParameterModel DescribeParameter(INamedTypeSymbol type, IParameterSymbol parameter, System.Collections.Generic.List<DiagnosticInfo> diagnostics)
        {
            if (parameter.GetAttribute(KnownTypeNames.PersistentState) is { } state)
            {
                if (parameter.Type is INamedTypeSymbol { IsGenericType: true } named && named.OriginalDefinition.ToDisplayString() == KnownTypeNames.IPersistentState)
                {
                    var arguments = state.ConstructorArguments;
                    var stateName = arguments.Length > 0 ? arguments[0].Value as string : null;
                    var storageName = arguments.Length > 1 ? arguments[1].Value as string : null;
                    return new ConstructorParameterModel(ConstructorParameterKind.PersistentState, named.TypeArguments[0].ToCode(), stateName ?? parameter.Name, storageName);
                }
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidPersistentStateParameter, parameter, parameter.Name, type.Name, parameter.Type.ToDisplayString()));
            }
            return parameter.Type.ToDisplayString() == KnownTypeNames.IGrainContext
                ? new ConstructorParameterModel(ConstructorParameterKind.GrainContext, parameter.Type.ToCode(), null, null)
                : new ConstructorParameterModel(ConstructorParameterKind.Service, parameter.Type.ToCode(), null, null);
        }

        /// <summary>[GrainType("x")], else the class name lower-cased without a trailing "grain" (FriendGrain → friend).</summary>
        private static string GrainTypeName(INamedTypeSymbol type)
        {
            if (type.GetAttribute(KnownTypeNames.GrainType) is { ConstructorArguments.Length: 1 } attribute && attribute.ConstructorArguments[0].Value is string { Length: > 0 } pinned)
                return pinned;
            var name = type.Name.ToLowerInvariant();
            return name.Length > GrainSuffix.Length && name.EndsWith(GrainSuffix, System.StringComparison.Ordinal)
                ? name.Substring(0, name.Length - GrainSuffix.Length)
                : name;
        }

        /// <summary>The class attribute whose type name ends in "PlacementAttribute", minus that suffix ([PreferLocalPlacement] → PreferLocal).</summary>
        private static string? PlacementName(INamedTypeSymbol type)
        {
            foreach (var attribute in type.GetAttributes())
            {
                var name = attribute.AttributeClass?.Name;
                if (name is not null && name.Length > KnownTypeNames.PlacementAttributeSuffix.Length
                    && name.EndsWith(KnownTypeNames.PlacementAttributeSuffix, System.StringComparison.Ordinal))
                    return name.Substring(0, name.Length - KnownTypeNames.PlacementAttributeSuffix.Length);
            }
            return null;
        }
    }
}
