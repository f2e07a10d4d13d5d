using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using QuantumScheduler.Runtime.CodeGenerator.Model;

namespace QuantumScheduler.Runtime.CodeGenerator.Analysis
{
    /// <summary>Turns a <c>[GenerateSerializer]</c> type into the model of its codec.</summary>
    internal static class SerializableTypeAnalyzer
    {
        public static SerializableTypeModel? Analyze(INamedTypeSymbol type)
        {
            // Types nested in generic types are not supported: they get no codec (see docs/runtime-serialization.md).
            if (!type.IsAccessibleFromAssembly() || IsNestedInGeneric(type))
                return null;

            var typeName = type.ToCode();
            var codecName = "Codec_" + SymbolExtensions.ToIdentifier(type.MetadataFullName());
            var isImmutable = type.HasAttribute(KnownTypeNames.Immutable);
            if (type.TypeKind == TypeKind.Enum)
                return new SerializableTypeModel(typeName, "", "", null, type.WireName(), codecName, TypeShape.Enum, true, CreationKind.None, null, EquatableArray<MemberModel>.Empty, EquatableArray<TypeNameModel>.Empty, EquatableArray<DiagnosticInfo>.Empty, EquatableArray<string>.Empty);

            var diagnostics = new List<DiagnosticInfo>();
            var enums = new List<TypeNameModel>();
            var members = CollectMembers(type, diagnostics, enums);
            var baseType = type.BaseType is { } b && b.HasAttribute(KnownTypeNames.GenerateSerializer) ? b.ToCode() : null;
            var shape = type.TypeKind == TypeKind.Struct ? TypeShape.Struct : TypeShape.Class;
            var required = RequiredMembers(type);
            return new SerializableTypeModel(
                typeName,
                GenericDeclarations.TypeParameterList(type),
                GenericDeclarations.ConstraintClauses(type),
                type.IsGenericType ? GenericDeclarations.OpenTypeOf(type) : null,
                type.WireName(),
                codecName,
                shape,
                isImmutable,
                required is null ? CreationKind.Uninitialized : SelectCreation(type),
                baseType,
                members.ToEquatableArray(),
                enums.ToEquatableArray(),
                diagnostics.ToEquatableArray(),
                (required ?? new List<string>()).ToEquatableArray());
        }

        private static bool IsNestedInGeneric(INamedTypeSymbol type)
        {
            for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                if (outer.IsGenericType)
                    return true;
            }
            return false;
        }

        /// <summary>The names of the <c>required</c> members (own and inherited) a constructor call must set; null when one of
        /// them cannot be set from the generated code, so the instance must be created uninitialised.</summary>
        private static List<string>? RequiredMembers(INamedTypeSymbol type)
        {
            var names = new List<string>();
            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    var isRequired = member is IPropertySymbol { IsRequired: true } || member is IFieldSymbol { IsRequired: true };
                    if (!isRequired || names.Contains(member.Name))
                        continue;
                    var settable = member switch
                    {
                        IPropertySymbol property => property.SetMethod is { } setter && IsAccessible(setter),
                        IFieldSymbol field => IsAccessible(field),
                        _ => false,
                    };
                    if (!settable)
                        return null;
                    names.Add(member.Name);
                }
            }
            return names;
        }

        private static CreationKind SelectCreation(INamedTypeSymbol type)
        {
            if (type.IsAbstract)
                return CreationKind.None;
            var parameterless = type.InstanceConstructors.FirstOrDefault(c => c.Parameters.Length == 0 && IsAccessible(c));
            if (type.TypeKind == TypeKind.Struct)
                return parameterless is { IsImplicitlyDeclared: false } ? CreationKind.Constructor : CreationKind.Uninitialized;
            return parameterless is not null ? CreationKind.Constructor : CreationKind.Uninitialized;
        }

        private static List<MemberModel> CollectMembers(INamedTypeSymbol type, List<DiagnosticInfo> diagnostics, List<TypeNameModel> enums)
        {
            var members = new List<MemberModel>();
            var byId = new Dictionary<uint, ISymbol>();
            var idsFromParameters = IdsOfPrimaryConstructorParameters(type);
            foreach (var member in type.GetMembers())
            {
                if (member.IsStatic || member is IFieldSymbol { AssociatedSymbol: not null } || member is not (IFieldSymbol or IPropertySymbol))
                    continue;
                if (!TryGetId(member, idsFromParameters, out var id))
                    continue;
                if (byId.TryGetValue(id, out var previous))
                {
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.DuplicateId, member, id.ToString(), previous.Name, member.Name, type.ToDisplayString()));
                    continue;
                }
                byId.Add(id, member);
                var memberType = member is IFieldSymbol f ? f.Type : ((IPropertySymbol)member).Type;
                EnumCollector.Collect(memberType, enums);
                if (!SerializabilityChecker.IsSerializable(memberType))
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnserializableType, member, $"Member '{type.Name}.{member.Name}'", memberType.ToDisplayString()));
                if (Describe(type, member, id, memberType) is { } model)
                    members.Add(model);
                else
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnassignableMember, member, $"{type.Name}.{member.Name}"));
            }
            members.Sort((x, y) => x.Id.CompareTo(y.Id));
            return members;
        }

        private static MemberModel? Describe(INamedTypeSymbol type, ISymbol member, uint id, ITypeSymbol memberType)
        {
            var typeName = memberType.ToCode();
            var name = SymbolExtensions.EscapeIdentifier(member.Name);
            if (member is IFieldSymbol field)
            {
                var readable = IsAccessible(field) ? MemberAccess.Direct : MemberAccess.FieldAccessor;
                var writable = IsAccessible(field) && !field.IsReadOnly ? MemberAccess.Direct : MemberAccess.FieldAccessor;
                return new MemberModel(id, name, typeName, readable, writable, field.Name);
            }

            var property = (IPropertySymbol)member;
            var backingField = type.GetMembers().OfType<IFieldSymbol>()
                .FirstOrDefault(f => SymbolEqualityComparer.Default.Equals(f.AssociatedSymbol, property));
            var canGet = property.GetMethod is { } getter && IsAccessible(getter);
            var canSet = property.SetMethod is { IsInitOnly: false } setter && IsAccessible(setter);
            if ((!canGet || !canSet) && backingField is null)
                return null;
            return new MemberModel(
                id,
                name,
                typeName,
                canGet ? MemberAccess.Direct : MemberAccess.FieldAccessor,
                canSet ? MemberAccess.Direct : MemberAccess.FieldAccessor,
                backingField?.Name ?? string.Empty);
        }

        private static bool TryGetId(ISymbol member, Dictionary<string, uint> idsFromParameters, out uint id)
        {
            if (member.GetAttribute(KnownTypeNames.Id) is { ConstructorArguments.Length: 1 } attribute && attribute.ConstructorArguments[0].Value is uint value)
            {
                id = value;
                return true;
            }
            return idsFromParameters.TryGetValue(member.Name, out id);
        }

        /// <summary>[Id(n)] written on a positional record's parameter (without property:) applies to the parameter;
        /// it means the property of the same name.</summary>
        private static Dictionary<string, uint> IdsOfPrimaryConstructorParameters(INamedTypeSymbol type)
        {
            var ids = new Dictionary<string, uint>();
            foreach (var constructor in type.InstanceConstructors)
            {
                var isPrimary = constructor.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax);
                if (!isPrimary)
                    continue;
                foreach (var parameter in constructor.Parameters)
                {
                    if (parameter.GetAttribute(KnownTypeNames.Id) is { ConstructorArguments.Length: 1 } attribute && attribute.ConstructorArguments[0].Value is uint value)
                        ids[parameter.Name] = value;
                }
            }
            return ids;
        }

        private static bool IsAccessible(ISymbol symbol) =>
            symbol.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;
    }
}
