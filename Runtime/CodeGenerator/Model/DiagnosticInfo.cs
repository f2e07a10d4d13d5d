using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace QuantumScheduler.Runtime.CodeGenerator.Model
{
    /// <summary>A diagnostic kept in a model (a <see cref="Location"/> would pin the compilation in the cache).</summary>
    internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, string? FilePath, TextSpan Span, LinePositionSpan LineSpan, EquatableArray<string> Arguments)
    {
        public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, ISymbol? symbol, params string[] arguments)
        {
            var location = symbol is null || symbol.Locations.IsEmpty ? null : symbol.Locations[0];
            return Create(descriptor, location, arguments);
        }

        public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] arguments)
        {
            var lineSpan = location?.GetLineSpan();
            return new DiagnosticInfo(
                descriptor,
                location is { IsInSource: true } ? location.SourceTree?.FilePath : null,
                location?.SourceSpan ?? default,
                lineSpan?.Span ?? default,
                arguments.ToEquatableArray());
        }

        public Diagnostic ToDiagnostic()
        {
            var location = FilePath is null ? Location.None : Location.Create(FilePath, Span, LineSpan);
            var arguments = new object[Arguments.Length];
            for (var i = 0; i < arguments.Length; i++)
                arguments[i] = Arguments[i];
            return Diagnostic.Create(Descriptor, location, arguments);
        }
    }
}
