using System.Collections.Generic;
using System.Linq;
using QuantumScheduler.Runtime.CodeGenerator.Analysis;
using QuantumScheduler.Runtime.CodeGenerator.Model;
using static QuantumScheduler.Runtime.CodeGenerator.Emit.GeneratedFile;

namespace QuantumScheduler.Runtime.CodeGenerator.Emit
{
    /// <summary>Emits the module initializer that registers everything generated for the assembly.</summary>
    internal static class RegistrationEmitter
    {
        private const string Manifest = "global::QuantumScheduler.Runtime.Manifest.";
        private const string GetRequiredService = "global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService";

        public static string Emit(
            string assemblyName,
            IReadOnlyList<SerializableTypeModel> types,
            IReadOnlyList<GrainInterfaceModel> interfaces,
            IReadOnlyList<MethodModel> invokables,
            IReadOnlyList<GrainClassModel> grainClasses,
            IReadOnlyList<string> exceptions)
        {
            var writer = Begin(assemblyName);
            writer.Line(GeneratedCodeAttribute);
            writer.Open("internal static class GeneratedCodeRegistration");
            writer.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
            writer.Open("internal static void Register()");

            foreach (var type in types)
            {
                if (type.GenericDefinition is { } definition)
                {
                    var codecDefinition = type.CodecName + "<" + new string(',', type.TypeParameters.Count(c => c == ',')) + ">";
                    writer.Line($"{Serialization}CodecRegistry.RegisterGeneric(typeof({definition}), typeof({codecDefinition}), {SymbolExtensions.Literal(type.WireName)});");
                    continue;
                }
                var codec = type.Shape == TypeShape.Enum ? $"new {Codecs}EnumCodec<{type.TypeName}>()" : $"new {type.CodecName}()";
                writer.Line($"{Serialization}CodecRegistry.Register<{type.TypeName}>({codec}, {SymbolExtensions.Literal(type.WireName)});");
            }
            foreach (var exception in exceptions)
                writer.Line($"{Serialization}CodecRegistry.RegisterException<{exception}>();");
            foreach (var grainInterface in interfaces)
            {
                writer.Line($"{Serialization}CodecRegistry.RegisterGrainInterface<{grainInterface.TypeName}>({SymbolExtensions.Literal(grainInterface.WireName)});");
                if (grainInterface.IsValid)
                    writer.Line($"{Manifest}GeneratedCodeManifest.RegisterProxy(typeof({grainInterface.TypeName}), static (grainId, runtime) => new {grainInterface.ProxyName}(grainId, runtime));");
            }
            foreach (var method in invokables)
                writer.Line($"{Serialization}CodecRegistry.Register<{method.InvokableName}>(new {InvokableEmitter.CodecName(method)}(), {SymbolExtensions.Literal(method.WireName)});");
            foreach (var grainClass in grainClasses.Where(c => c.CanCreate))
                EmitGrainClass(writer, grainClass);

            writer.Close();
            writer.Close();
            return End(writer);
        }

        private static void EmitGrainClass(SourceWriter writer, GrainClassModel grainClass)
        {
            writer.Line($"{Manifest}GeneratedCodeManifest.RegisterGrainClass(new {Manifest}GrainClassDescriptor");
            writer.Line("{");
            writer.Line($"    GrainType = {SymbolExtensions.Literal(grainClass.GrainType)},");
            writer.Line($"    GrainClass = typeof({grainClass.TypeName}),");
            writer.Line($"    Interfaces = new global::System.Type[] {{ {string.Join(", ", grainClass.Interfaces.Select(i => $"typeof({i})"))} }},");
            writer.Line($"    IsReentrant = {Bool(grainClass.IsReentrant)},");
            writer.Line($"    StatelessWorkerMaxLocal = {(grainClass.StatelessWorkerMaxLocal is { } max ? max.ToString() : "null")},");
            writer.Line($"    KeepAlive = {Bool(grainClass.KeepAlive)},");
            writer.Line($"    CollectionAge = {(grainClass.CollectionAgeTicks is { } ticks ? $"global::System.TimeSpan.FromTicks({ticks}L)" : "null")},");
            writer.Line($"    Placement = {(grainClass.Placement is { } placement ? SymbolExtensions.Literal(placement) : "null")},");
            var arguments = string.Join(", ", grainClass.ConstructorParameters.Select(Argument));
            writer.Line($"    Create = static context => new {grainClass.TypeName}({arguments}),");
            writer.Line("});");
        }

        private static string Argument(ConstructorParameterModel parameter) => parameter.Kind switch
        {
            ConstructorParameterKind.GrainContext => "context",
            ConstructorParameterKind.PersistentState =>
                $"{GetRequiredService}<global::QuantumScheduler.Runtime.IPersistentStateFactory>(context.ActivationServices)"
                + $".Create<{parameter.TypeName}>(context, {SymbolExtensions.Literal(parameter.StateName ?? string.Empty)}, {(parameter.StorageName is null ? "null" : SymbolExtensions.Literal(parameter.StorageName))})",
            _ => $"{GetRequiredService}<{parameter.TypeName}>(context.ActivationServices)",
        };

        private static string Bool(bool value) => value ? "true" : "false";
    }
}
