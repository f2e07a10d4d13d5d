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
            IReadOnlyList<TypeNameModel> enums,
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
                    writer.Line($"{Serialization}CodecRegistry.RegisterGeneric(typeof({definition}), typeof({Open(type.CodecName, type.TypeParameters)}), {SymbolExtensions.Literal(type.WireName)});");
                    continue;
                }
                var codec = type.Shape == TypeShape.Enum ? $"new {Codecs}EnumCodec<{type.TypeName}>()" : $"new {type.CodecName}()";
                writer.Line($"{Serialization}CodecRegistry.Register<{type.TypeName}>({codec}, {SymbolExtensions.Literal(type.WireName)});");
            }
            foreach (var type in enums)
                writer.Line($"{Serialization}CodecRegistry.Register<{type.TypeName}>(new {Codecs}EnumCodec<{type.TypeName}>(), {SymbolExtensions.Literal(type.WireName)});");
            foreach (var exception in exceptions)
                writer.Line($"{Serialization}CodecRegistry.RegisterException<{exception}>();");
            foreach (var grainInterface in interfaces)
            {
                var name = SymbolExtensions.Literal(grainInterface.WireName);
                if (grainInterface.GenericDefinition is { } definition)
                {
                    writer.Line($"{Serialization}CodecRegistry.RegisterGenericGrainInterface(typeof({definition}), {name});");
                    if (grainInterface.IsValid)
                        writer.Line($"{Manifest}GeneratedCodeManifest.RegisterGenericProxy(typeof({definition}), typeof({Open(grainInterface.ProxyName, grainInterface.TypeParameters)}));");
                    continue;
                }
                writer.Line($"{Serialization}CodecRegistry.RegisterGrainInterface<{grainInterface.TypeName}>({name});");
                if (grainInterface.IsValid)
                    writer.Line($"{Manifest}GeneratedCodeManifest.RegisterProxy(typeof({grainInterface.TypeName}), static (grainId, runtime) => new {grainInterface.ProxyName}(grainId, runtime));");
            }
            foreach (var method in invokables)
            {
                var name = SymbolExtensions.Literal(method.WireName);
                if (method.TypeParameters.Length > 0)
                    writer.Line($"{Serialization}CodecRegistry.RegisterGeneric(typeof({Open(method.InvokableName, method.TypeParameters)}), typeof({Open(InvokableEmitter.CodecName(method), method.TypeParameters)}), {name});");
                else
                    writer.Line($"{Serialization}CodecRegistry.Register<{method.InvokableName}>(new {InvokableEmitter.CodecName(method)}(), {name});");
            }
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

        /// <summary>The typeof operand of a generated generic class: Name&lt;,&gt;.</summary>
        private static string Open(string name, string typeParameters) =>
            name + "<" + new string(',', typeParameters.Count(c => c == ',')) + ">";

        private static string Bool(bool value) => value ? "true" : "false";
    }
}
