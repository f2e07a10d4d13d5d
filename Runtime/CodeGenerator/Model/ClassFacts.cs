using Microsoft.CodeAnalysis;
using QuantumScheduler.Runtime.CodeGenerator.Analysis;

namespace QuantumScheduler.Runtime.CodeGenerator.Model
{
    /// <summary>What a class declaration contributes: a grain class descriptor and/or an exception type to allow.</summary>
    internal sealed record ClassFacts(GrainClassModel? GrainClass, string? ExceptionTypeName)
    {
        public static ClassFacts? Of(INamedTypeSymbol type)
        {
            var grainClass = GrainClassAnalyzer.IsCandidate(type) ? GrainClassAnalyzer.Analyze(type) : null;
            var exception = !type.IsAbstract && !type.IsGenericType && type.IsAccessibleFromAssembly() && type.IsOrDerivesFrom(KnownTypeNames.Exception)
                ? type.ToCode()
                : null;
            return grainClass is null && exception is null ? null : new ClassFacts(grainClass, exception);
        }
    }
}
