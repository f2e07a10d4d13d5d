using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace QuantumScheduler.Runtime.CodeGenerator.Analysis
{
    /// <summary>Re-declares a generic type's parameters and constraints on the generated codec.</summary>
    internal static class GenericDeclarations
    {
        public static string TypeParameterList(INamedTypeSymbol type) =>
            type.TypeParameters.IsEmpty ? "" : "<" + string.Join(", ", type.TypeParameters.Select(p => p.Name)) + ">";

        /// <summary>typeof operand of the open type: global::Ns.Result&lt;,&gt;.</summary>
        public static string OpenTypeOf(INamedTypeSymbol type)
        {
            var name = type.ToCode();
            var open = name.IndexOf('<');
            return name.Substring(0, open) + "<" + new string(',', type.TypeParameters.Length - 1) + ">";
        }

        public static string ConstraintClauses(INamedTypeSymbol type)
        {
            var clauses = new List<string>();
            foreach (var parameter in type.TypeParameters)
            {
                var constraints = new List<string>();
                if (parameter.HasUnmanagedTypeConstraint)
                    constraints.Add("unmanaged");
                else if (parameter.HasValueTypeConstraint)
                    constraints.Add("struct");
                else if (parameter.HasReferenceTypeConstraint)
                    constraints.Add(parameter.ReferenceTypeConstraintNullableAnnotation == NullableAnnotation.Annotated ? "class?" : "class");
                else if (parameter.HasNotNullConstraint)
                    constraints.Add("notnull");
                constraints.AddRange(parameter.ConstraintTypes.Select(t => t.ToCode()));
                if (parameter.HasConstructorConstraint && !parameter.HasValueTypeConstraint && !parameter.HasUnmanagedTypeConstraint)
                    constraints.Add("new()");
                if (constraints.Count > 0)
                    clauses.Add($" where {parameter.Name} : {string.Join(", ", constraints)}");
            }
            return string.Concat(clauses);
        }
    }
}
