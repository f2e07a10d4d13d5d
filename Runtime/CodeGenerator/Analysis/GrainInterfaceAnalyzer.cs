using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using QuantumScheduler.Runtime.CodeGenerator.Model;

namespace QuantumScheduler.Runtime.CodeGenerator.Analysis
{
    /// <summary>Turns a grain interface into the model of its proxy and invokables, reporting what cannot be called remotely.</summary>
    internal static class GrainInterfaceAnalyzer
    {
        private const int ReadOnlyOption = 1;
        private const int AlwaysInterleaveOption = 2;
        private const int OneWayOption = 4;

        public static bool IsCandidate(INamedTypeSymbol type) =>
            type.TypeKind == TypeKind.Interface && type.IsGrainInterface() && !KnownTypeNames.IsMarkerInterface(type.ToDisplayString());

        public static GrainInterfaceModel? Analyze(INamedTypeSymbol type)
        {
            // Interfaces nested in generic types are not supported: they get no proxy (see docs/runtime-serialization.md).
            if (!type.IsAccessibleFromAssembly() || (type.ContainingType?.IsGenericType ?? false))
                return null;

            var diagnostics = new List<DiagnosticInfo>();
            var methods = new List<MethodModel>();
            var isValid = true;
            foreach (var other in type.AllInterfaces.Where(i => !i.IsGrainInterface()))
            {
                if (other.GetMembers().FirstOrDefault(m => m.IsAbstract) is { } inherited)
                {
                    isValid = false;
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.NonGrainBaseInterface, type, type.ToDisplayString(), inherited.Name, other.ToDisplayString()));
                }
            }
            foreach (var declaring in new[] { type }.Concat(type.AllInterfaces.Where(IsCandidate)))
            {
                var reportHere = SymbolEqualityComparer.Default.Equals(declaring, type);
                foreach (var member in declaring.GetMembers())
                {
                    if ((member.IsStatic && !member.IsAbstract) || member is IMethodSymbol { MethodKind: not MethodKind.Ordinary } || member is INamedTypeSymbol)
                        continue;
                    if (member is not IMethodSymbol method || method.IsStatic)
                    {
                        isValid = false;
                        if (reportHere)
                            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.PropertyInGrainInterface, member, type.ToDisplayString(), member.Name));
                        continue;
                    }
                    if (!method.IsAbstract)
                        continue;
                    var model = AnalyzeMethod(type, declaring, method, reportHere ? diagnostics : new List<DiagnosticInfo>(), out var methodIsValid);
                    isValid &= methodIsValid;
                    if (model is not null)
                        methods.Add(model);
                }
            }

            return new GrainInterfaceModel(
                type.ToCode(),
                GenericDeclarations.TypeParameterList(type),
                GenericDeclarations.ConstraintClauses(type),
                type.IsGenericType ? GenericDeclarations.OpenTypeOf(type) : null,
                type.WireName(),
                "Proxy_" + SymbolExtensions.ToIdentifier(type.MetadataFullName()),
                isValid,
                methods.ToEquatableArray(),
                ReferencedEnums(type).ToEquatableArray(),
                diagnostics.ToEquatableArray());
        }

        private static MethodModel? AnalyzeMethod(INamedTypeSymbol proxied, INamedTypeSymbol declaring, IMethodSymbol method, List<DiagnosticInfo> diagnostics, out bool isValid)
        {
            var errorsBefore = diagnostics.Count;
            var displayName = $"{declaring.Name}.{method.Name}";
            isValid = true;

            if (method.IsGenericMethod)
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.GenericMethod, method, displayName));

            var returnKind = ClassifyReturn(method.ReturnType, out var resultType);
            if (returnKind is null)
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidReturnType, method, displayName, method.ReturnType.ToDisplayString()));
            else if (resultType is not null && !SerializabilityChecker.IsSerializable(resultType))
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnserializableType, method, $"The result of '{displayName}'", resultType.ToDisplayString()));

            var options = 0;
            if (method.HasAttribute(KnownTypeNames.ReadOnly))
                options |= ReadOnlyOption;
            if (method.HasAttribute(KnownTypeNames.AlwaysInterleave))
                options |= AlwaysInterleaveOption;
            if (method.HasAttribute(KnownTypeNames.OneWay))
            {
                options |= OneWayOption;
                if (resultType is not null)
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.OneWayWithResult, method, displayName, method.ReturnType.ToDisplayString()));
            }

            long? timeoutTicks = null;
            if (method.GetAttribute(KnownTypeNames.ResponseTimeout) is { ConstructorArguments.Length: 1 } timeout)
            {
                var text = timeout.ConstructorArguments[0].Value;
                if (SymbolExtensions.TryParseTimeSpan(text, out var ticks))
                    timeoutTicks = ticks;
                else
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidTimeSpan, method, "ResponseTimeout", text?.ToString() ?? "null", displayName));
            }

            var parameters = new List<ParameterModel>();
            string? cancellationTokenName = null;
            var reportedMisplacedToken = false;
            for (var i = 0; i < method.Parameters.Length; i++)
            {
                var parameter = method.Parameters[i];
                if (parameter.RefKind != RefKind.None)
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.ByRefParameter, parameter, displayName, parameter.Name, parameter.RefKind.ToString().ToLowerInvariant()));
                if (parameter.Type.ToDisplayString() == KnownTypeNames.CancellationToken)
                {
                    var misplaced = i != method.Parameters.Length - 1 || cancellationTokenName is not null;
                    if (misplaced && !reportedMisplacedToken)
                        diagnostics.Add(DiagnosticInfo.Create(Diagnostics.CancellationTokenNotLast, parameter, displayName));
                    reportedMisplacedToken |= misplaced;
                    cancellationTokenName = SymbolExtensions.EscapeIdentifier(parameter.Name);
                    continue;
                }
                if (!SerializabilityChecker.IsSerializable(parameter.Type))
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnserializableType, parameter, $"Parameter '{parameter.Name}' of '{displayName}'", parameter.Type.ToDisplayString()));
                parameters.Add(new ParameterModel(SymbolExtensions.EscapeIdentifier(parameter.Name), parameter.Type.ToCode()));
            }

            if (diagnostics.Count != errorsBefore || returnKind is null)
            {
                isValid = false;
                return null;
            }

            string wireName, invokableName;
            if (proxied.IsGenericType)
            {
                // The invokables of a generic interface are generic over its type parameters, one set per
                // interface; the signature is spelt with the declaring definition's own type parameters.
                var definitionSignature = Signature(method.OriginalDefinition);
                var declaringDefinition = declaring.OriginalDefinition.MetadataFullName();
                wireName = $"inv:{proxied.WireName()}/{declaringDefinition}.{method.Name}({definitionSignature})";
                invokableName = $"Invokable_{SymbolExtensions.ToIdentifier(proxied.MetadataFullName())}_{SymbolExtensions.ToIdentifier(declaringDefinition)}_{method.Name}_{SymbolExtensions.StableHash(wireName)}";
            }
            else
            {
                wireName = $"inv:{declaring.WireName()}.{method.Name}({Signature(method)})";
                invokableName = $"Invokable_{SymbolExtensions.ToIdentifier(declaring.ToWireDisplay())}_{method.Name}_{SymbolExtensions.StableHash(wireName)}";
            }
            return new MethodModel(
                declaring.ToCode(),
                method.Name,
                invokableName,
                GenericDeclarations.TypeParameterList(proxied),
                GenericDeclarations.ConstraintClauses(proxied),
                wireName,
                returnKind.Value,
                method.ReturnType.ToCode(),
                resultType?.ToCode(),
                parameters.ToEquatableArray(),
                cancellationTokenName,
                options,
                timeoutTicks);
        }

        private static List<TypeNameModel> ReferencedEnums(INamedTypeSymbol type)
        {
            var enums = new List<TypeNameModel>();
            foreach (var declaring in new[] { type }.Concat(type.AllInterfaces.Where(IsCandidate)))
            {
                foreach (var method in declaring.GetMembers().OfType<IMethodSymbol>())
                {
                    EnumCollector.Collect(method.ReturnType, enums);
                    foreach (var parameter in method.Parameters)
                        EnumCollector.Collect(parameter.Type, enums);
                }
            }
            return enums;
        }

        /// <summary>Parameter types without the cancellation token: adding or removing it keeps the identity.</summary>
        private static string Signature(IMethodSymbol method) =>
            string.Join(",", method.Parameters.Where(p => p.Type.ToDisplayString() != KnownTypeNames.CancellationToken).Select(p => p.Type.ToWireDisplay()));

        private static ReturnKind? ClassifyReturn(ITypeSymbol returnType, out ITypeSymbol? resultType)
        {
            resultType = null;
            if (returnType is not INamedTypeSymbol named)
                return null;
            switch (named.OriginalDefinition.MetadataFullName())
            {
                case "System.Threading.Tasks.Task":
                    return ReturnKind.Task;
                case "System.Threading.Tasks.ValueTask":
                    return ReturnKind.ValueTask;
                case "System.Threading.Tasks.Task`1":
                    resultType = named.TypeArguments[0];
                    return ReturnKind.TaskOfT;
                case "System.Threading.Tasks.ValueTask`1":
                    resultType = named.TypeArguments[0];
                    return ReturnKind.ValueTaskOfT;
                default:
                    return null;
            }
        }
    }
}
