using System;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace QuantumScheduler.Runtime.CodeGenerator.Analysis
{
    internal static class SymbolExtensions
    {
        /// <summary>global::-qualified, with nullable annotations: what generated code writes for a type.</summary>
        private static readonly SymbolDisplayFormat CodeFormat = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        /// <summary>Qualified without global:: or nullable annotations: a stable name for wire identities.</summary>
        private static readonly SymbolDisplayFormat WireFormat = SymbolDisplayFormat.FullyQualifiedFormat
            .WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted);

        public static string ToCode(this ITypeSymbol type) => type.ToDisplayString(CodeFormat);

        public static string ToWireDisplay(this ITypeSymbol type) => type.ToDisplayString(WireFormat);

        /// <summary>Namespace.Outer+Inner`1, as the runtime's Type.FullName would have it.</summary>
        public static string MetadataFullName(this INamedTypeSymbol type)
        {
            var name = type.MetadataName;
            for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
                name = outer.MetadataName + "+" + name;
            var ns = type.ContainingNamespace;
            return ns is null || ns.IsGlobalNamespace ? name : ns.ToDisplayString() + "." + name;
        }

        /// <summary>[Alias("x")] when present, else the full metadata name.</summary>
        public static string WireName(this INamedTypeSymbol type)
        {
            var alias = type.GetAttribute(KnownTypeNames.Alias);
            var name = alias is { ConstructorArguments.Length: 1 } && alias.ConstructorArguments[0].Value is string { Length: > 0 } aliasName
                ? aliasName
                : type.OriginalDefinition.MetadataFullName();
            return type.IsGenericType && !type.IsDefinition
                ? name + "[" + string.Join(",", type.TypeArguments.Select(a => a.ToWireDisplay())) + "]"
                : name;
        }

        public static AttributeData? GetAttribute(this ISymbol symbol, string attributeFullName) =>
            symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == attributeFullName);

        public static bool HasAttribute(this ISymbol symbol, string attributeFullName) => symbol.GetAttribute(attributeFullName) is not null;

        public static bool IsOrDerivesFrom(this ITypeSymbol type, string fullName)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (current.ToDisplayString() == fullName)
                    return true;
            }
            return false;
        }

        /// <summary>An interface that is, or extends, IAddressable.</summary>
        public static bool IsGrainInterface(this ITypeSymbol type) =>
            type.TypeKind == TypeKind.Interface
            && (type.ToDisplayString() == KnownTypeNames.IAddressable || type.AllInterfaces.Any(i => i.ToDisplayString() == KnownTypeNames.IAddressable));

        /// <summary>Whether generated code in the same assembly can name the type.</summary>
        public static bool IsAccessibleFromAssembly(this ITypeSymbol type)
        {
            for (ISymbol? current = type; current is INamedTypeSymbol named; current = named.ContainingType)
            {
                if (named.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
                    return false;
            }
            return true;
        }

        /// <summary>A C# identifier made from a qualified name: Ns.Outer.Inner&lt;T&gt; → Ns_Outer_Inner_T_.</summary>
        public static string ToIdentifier(string text)
        {
            var builder = new StringBuilder(text.Length);
            foreach (var c in text)
                builder.Append(char.IsLetterOrDigit(c) ? c : '_');
            return builder.ToString();
        }

        /// <summary>FNV-1a: a short, stable discriminator for overloads.</summary>
        public static string StableHash(string text)
        {
            var hash = 2166136261u;
            foreach (var c in text)
                hash = unchecked((hash ^ c) * 16777619u);
            return hash.ToString("X8");
        }

        public static string Literal(string value)
        {
            var builder = new StringBuilder(value.Length + 2).Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    default: builder.Append(c); break;
                }
            }
            return builder.Append('"').ToString();
        }

        public static string EscapeIdentifier(string name) =>
            Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" + name : name;

        public static bool TryParseTimeSpan(object? value, out long ticks)
        {
            ticks = 0;
            if (value is string text && TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var span))
            {
                ticks = span.Ticks;
                return true;
            }
            return false;
        }
    }
}
