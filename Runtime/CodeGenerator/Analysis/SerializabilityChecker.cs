using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace QuantumScheduler.Runtime.CodeGenerator.Analysis
{
    /// <summary>
    /// Decides at compile time whether the runtime serializer has a codec for a type, mirroring its
    /// built-in codecs and the <c>[GenerateSerializer]</c> rule. Interfaces and abstract classes pass: their
    /// values are written with their runtime type, checked when they are sent.
    /// </summary>
    internal static class SerializabilityChecker
    {
        private static readonly HashSet<string> KnownTypes = new HashSet<string>
        {
            "System.Guid", "System.DateTime", "System.DateTimeOffset", "System.TimeSpan",
            "QuantumScheduler.Runtime.GrainId",
            "QuantumScheduler.Runtime.Invocation.Response", "QuantumScheduler.Runtime.Invocation.VoidResponse",
            "QuantumScheduler.Runtime.Invocation.ExceptionResponse",
        };

        private static readonly HashSet<string> GenericDefinitions = new HashSet<string>
        {
            "System.Nullable`1",
            "System.Collections.Generic.List`1", "System.Collections.Generic.IList`1", "System.Collections.Generic.ICollection`1",
            "System.Collections.Generic.IEnumerable`1", "System.Collections.Generic.IReadOnlyList`1",
            "System.Collections.Generic.IReadOnlyCollection`1",
            "System.Collections.Generic.Dictionary`2", "System.Collections.Generic.IDictionary`2",
            "System.Collections.Generic.IReadOnlyDictionary`2",
            "System.Collections.Generic.HashSet`1", "System.Collections.Generic.ISet`1", "System.Collections.Generic.IReadOnlySet`1",
            "System.Collections.Generic.KeyValuePair`2",
            "System.ValueTuple`2", "System.ValueTuple`3", "System.ValueTuple`4",
            "QuantumScheduler.Runtime.Invocation.Response`1",
        };

        public static bool IsSerializable(ITypeSymbol type)
        {
            switch (type)
            {
                case ITypeParameterSymbol:
                    return true;
                case IArrayTypeSymbol array:
                    return array.Rank == 1 && IsSerializable(array.ElementType);
                case INamedTypeSymbol named:
                    return IsSerializable(named);
                default:
                    return false;
            }
        }

        private static bool IsSerializable(INamedTypeSymbol type)
        {
            switch (type.SpecialType)
            {
                case SpecialType.System_Boolean:
                case SpecialType.System_Char:
                case SpecialType.System_SByte:
                case SpecialType.System_Byte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_Single:
                case SpecialType.System_Double:
                case SpecialType.System_Decimal:
                case SpecialType.System_String:
                case SpecialType.System_Object:
                    return true;
            }
            if (type.TypeKind == TypeKind.Enum)
                return true;
            var definition = type.OriginalDefinition.MetadataFullName();
            if (type.IsGenericType)
            {
                if (GenericDefinitions.Contains(definition) || type.HasAttribute(KnownTypeNames.GenerateSerializer) || type.IsGrainInterface())
                    return type.TypeArguments.All(IsSerializable);
                return type.TypeKind == TypeKind.Interface && !IsCollectionLike(type);
            }
            if (KnownTypes.Contains(definition) || type.HasAttribute(KnownTypeNames.GenerateSerializer) || type.IsOrDerivesFrom(KnownTypeNames.Exception))
                return true;
            // Interfaces (grain interfaces, IInvokable, a user's IShape) are written with their runtime type;
            // whether that type has a codec is checked when the value is sent. An abstract class needs
            // [GenerateSerializer] like any other class (so Stream, for one, is rejected here).
            return type.TypeKind == TypeKind.Interface;
        }

        /// <summary>A generic interface over elements that is not one of the supported collection interfaces
        /// (IAsyncEnumerable, IQueryable...) has no codec.</summary>
        private static bool IsCollectionLike(INamedTypeSymbol type) =>
            type.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            || type.MetadataFullName().StartsWith("System.Collections.Generic.IAsyncEnumerable", System.StringComparison.Ordinal);
    }
}
