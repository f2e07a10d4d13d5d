using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using QuantumScheduler.Runtime.CodeGenerator.Model;

namespace QuantumScheduler.Runtime.CodeGenerator.Analysis
{
    /// <summary>
    /// Finds the enums a signature or member type uses, however deeply nested in type arguments. They are
    /// registered with a wire name even without <c>[GenerateSerializer]</c>, because a result of type
    /// <c>Task&lt;List&lt;Status&gt;&gt;</c> travels as a <c>Response&lt;List&lt;Status&gt;&gt;</c> whose type must be recorded.
    /// </summary>
    internal static class EnumCollector
    {
        public static void Collect(ITypeSymbol type, List<TypeNameModel> enums)
        {
            switch (type)
            {
                case IArrayTypeSymbol array:
                    Collect(array.ElementType, enums);
                    break;
                case INamedTypeSymbol { TypeKind: TypeKind.Enum } named when named.IsAccessibleFromAssembly():
                    var model = new TypeNameModel(named.ToCode(), named.WireName());
                    if (!enums.Contains(model))
                        enums.Add(model);
                    break;
                case INamedTypeSymbol named:
                    foreach (var argument in named.TypeArguments)
                        Collect(argument, enums);
                    break;
            }
        }
    }
}
