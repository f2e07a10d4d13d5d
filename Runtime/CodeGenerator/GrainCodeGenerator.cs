using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using QuantumScheduler.Runtime.CodeGenerator.Analysis;
using QuantumScheduler.Runtime.CodeGenerator.Emit;
using QuantumScheduler.Runtime.CodeGenerator.Model;

namespace QuantumScheduler.Runtime.CodeGenerator
{
    /// <summary>
    /// Emits, for the compilation it runs in: a codec per <c>[GenerateSerializer]</c> type; a proxy, invokables
    /// and invokable codecs per grain interface; a <c>GrainClassDescriptor</c> per grain class; and a module
    /// initializer registering them all. Invalid grain interfaces and types are reported as QS0001–QS0013.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class GrainCodeGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var serializableTypes = context.SyntaxProvider.ForAttributeWithMetadataName(
                    KnownTypeNames.GenerateSerializer,
                    static (node, _) => node is TypeDeclarationSyntax or EnumDeclarationSyntax,
                    static (syntax, _) => SerializableTypeAnalyzer.Analyze((INamedTypeSymbol)syntax.TargetSymbol))
                .Where(static model => model is not null)
                .Collect();

            var grainInterfaces = context.SyntaxProvider.CreateSyntaxProvider(
                    static (node, _) => node is InterfaceDeclarationSyntax { BaseList: not null },
                    static (syntax, token) => syntax.SemanticModel.GetDeclaredSymbol(syntax.Node, token) is INamedTypeSymbol type && GrainInterfaceAnalyzer.IsCandidate(type)
                        ? GrainInterfaceAnalyzer.Analyze(type)
                        : null)
                .Where(static model => model is not null)
                .Collect();

            var classes = context.SyntaxProvider.CreateSyntaxProvider(
                    static (node, _) => node is ClassDeclarationSyntax { BaseList: not null },
                    static (syntax, token) => syntax.SemanticModel.GetDeclaredSymbol(syntax.Node, token) is INamedTypeSymbol type ? ClassFacts.Of(type) : null)
                .Where(static facts => facts is not null)
                .Collect();

            var assemblyName = context.CompilationProvider.Select(static (compilation, _) => compilation.AssemblyName ?? "Assembly");

            context.RegisterSourceOutput(
                serializableTypes.Combine(grainInterfaces).Combine(classes).Combine(assemblyName),
                static (output, input) => Emit(output, input.Left.Left.Left!, input.Left.Left.Right!, input.Left.Right!, input.Right));
        }

        private static void Emit(
            SourceProductionContext output,
            ImmutableArray<SerializableTypeModel?> serializableTypes,
            ImmutableArray<GrainInterfaceModel?> grainInterfaces,
            ImmutableArray<ClassFacts?> classes,
            string assemblyName)
        {
            // Partial declarations are seen once per part.
            var types = Distinct(serializableTypes, t => t.TypeName);
            var interfaces = Distinct(grainInterfaces, i => i.TypeName);
            var grainClasses = Distinct(classes.Select(c => c?.GrainClass), c => c.TypeName);
            var exceptions = classes.Select(c => c?.ExceptionTypeName).Where(n => n is not null).Select(n => n!).Distinct().OrderBy(n => n, System.StringComparer.Ordinal).ToList();

            foreach (var diagnostic in types.SelectMany(t => t.Diagnostics).Concat(interfaces.SelectMany(i => i.Diagnostics)).Concat(grainClasses.SelectMany(c => c.Diagnostics)))
                output.ReportDiagnostic(diagnostic.ToDiagnostic());

            var validTypes = types.Where(t => t.Diagnostics.Length == 0).ToList();
            foreach (var type in validTypes.Where(t => t.Shape != TypeShape.Enum))
                output.AddSource(type.CodecName + ".g.cs", CodecEmitter.Emit(type, assemblyName));

            var validInterfaces = interfaces.Where(i => i.IsValid).ToList();
            foreach (var grainInterface in validInterfaces)
                output.AddSource(grainInterface.ProxyName + ".g.cs", ProxyEmitter.Emit(grainInterface, assemblyName));

            // A method inherited by several interfaces of this assembly gets one invokable.
            var invokables = Distinct(validInterfaces.SelectMany(i => i.Methods), m => m.InvokableName);
            foreach (var method in invokables)
                output.AddSource(method.InvokableName + ".g.cs", InvokableEmitter.Emit(method, assemblyName));

            // Enums used in signatures and members; an enum with its own [GenerateSerializer] is registered with it.
            var ownEnums = new HashSet<string>(validTypes.Where(t => t.Shape == TypeShape.Enum).Select(t => t.TypeName));
            var enums = Distinct(validTypes.SelectMany(t => t.ReferencedEnums).Concat(validInterfaces.SelectMany(i => i.ReferencedEnums)), e => e.TypeName)
                .Where(e => !ownEnums.Contains(e.TypeName))
                .ToList();

            output.AddSource("GeneratedCodeRegistration.g.cs", RegistrationEmitter.Emit(assemblyName, validTypes, enums, interfaces, invokables, grainClasses, exceptions));
        }

        private static List<T> Distinct<T>(IEnumerable<T?> items, System.Func<T, string> key) where T : class
        {
            var seen = new HashSet<string>();
            var result = new List<T>();
            foreach (var item in items)
            {
                if (item is not null && seen.Add(key(item)))
                    result.Add(item);
            }
            result.Sort((x, y) => string.CompareOrdinal(key(x), key(y)));
            return result;
        }
    }
}
