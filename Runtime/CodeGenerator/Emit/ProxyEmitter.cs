using System.Linq;
using QuantumScheduler.Runtime.CodeGenerator.Analysis;
using QuantumScheduler.Runtime.CodeGenerator.Model;
using static QuantumScheduler.Runtime.CodeGenerator.Emit.GeneratedFile;

namespace QuantumScheduler.Runtime.CodeGenerator.Emit
{
    /// <summary>Emits the proxy of a grain interface: each method builds its request and hands it to the runtime.</summary>
    internal static class ProxyEmitter
    {
        public static string Emit(GrainInterfaceModel grainInterface, string assemblyName)
        {
            var writer = Begin(assemblyName);
            writer.Line(GeneratedCodeAttribute);
            writer.Open($"internal sealed class {grainInterface.ProxyName}{grainInterface.TypeParameters} : {Invocation}GrainReference, {grainInterface.TypeName}{grainInterface.Constraints}");
            writer.Line($"public {grainInterface.ProxyName}(global::QuantumScheduler.Runtime.GrainId grainId, {Invocation}IGrainReferenceRuntime runtime)");
            writer.Line("    : base(grainId, runtime)");
            writer.Line("{");
            writer.Line("}");
            writer.Line();
            if (grainInterface.GenericDefinition is not null)
            {
                // Bound once per construction by GeneratedCodeManifest.TryGetProxyFactory.
                writer.Line($"public static {Invocation}GrainReference Create(global::QuantumScheduler.Runtime.GrainId grainId, {Invocation}IGrainReferenceRuntime runtime) =>");
                writer.Line($"    new {grainInterface.ProxyName}{grainInterface.TypeParameters}(grainId, runtime);");
                writer.Line();
            }
            writer.Line($"public override global::System.Type InterfaceType => typeof({grainInterface.TypeName});");
            foreach (var method in grainInterface.Methods)
            {
                writer.Line();
                EmitMethod(writer, method);
            }
            writer.Close();
            return End(writer);
        }

        // Explicit implementations: two inherited interfaces may declare methods with the same signature.
        private static void EmitMethod(SourceWriter writer, MethodModel method)
        {
            var parameters = method.Parameters.Select(p => $"{p.TypeName} {p.Name}").ToList();
            if (method.CancellationTokenName is { } tokenName)
                parameters.Add("global::System.Threading.CancellationToken " + tokenName);
            writer.Open($"{method.ReturnTypeName} {method.InterfaceTypeName}.{SymbolExtensions.EscapeIdentifier(method.Name)}({string.Join(", ", parameters)})");
            writer.Line($"var request__ = new {method.InvokableName}{method.TypeParameters}();");
            for (var i = 0; i < method.Parameters.Length; i++)
                writer.Line($"request__.Arg{i} = {method.Parameters[i].Name};");
            if (method.CancellationTokenName is { } token)
                writer.Line($"request__.CancellationToken = {token};");
            EmitReturn(writer, method);
            writer.Close();
        }

        private static void EmitReturn(SourceWriter writer, MethodModel method)
        {
            const int OneWay = 4;
            if ((method.Options & OneWay) != 0)
            {
                writer.Line("InvokeOneWay(request__);");
                writer.Line(method.ReturnKind == ReturnKind.Task ? "return global::System.Threading.Tasks.Task.CompletedTask;" : "return default;");
                return;
            }
            writer.Line(method.ReturnKind switch
            {
                ReturnKind.Task => "return InvokeAsync(request__).AsTask();",
                ReturnKind.ValueTask => "return InvokeAsync(request__);",
                ReturnKind.TaskOfT => $"return InvokeAsync<{method.ResultTypeName}>(request__).AsTask();",
                _ => $"return InvokeAsync<{method.ResultTypeName}>(request__);",
            });
        }
    }
}
