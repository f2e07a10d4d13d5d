using System.Linq;
using QuantumScheduler.Runtime.CodeGenerator.Model;
using static QuantumScheduler.Runtime.CodeGenerator.Emit.GeneratedFile;

namespace QuantumScheduler.Runtime.CodeGenerator.Emit
{
    /// <summary>Emits the codec of a <c>[GenerateSerializer]</c> class or struct.</summary>
    internal static class CodecEmitter
    {
        public static string Emit(SerializableTypeModel type, string assemblyName)
        {
            var writer = Begin(assemblyName);
            var isStruct = type.Shape == TypeShape.Struct;
            var baseClass = isStruct ? Codecs + "StructCodec" : Codecs + "ClassCodec";
            writer.Line(GeneratedCodeAttribute);
            writer.Open($"internal sealed class {type.CodecName}{type.TypeParameters} : {baseClass}<{type.TypeName}>{type.Constraints}");

            if (type.BaseTypeName is { } baseType)
            {
                writer.Line($"private static {Codecs}ClassCodec<{baseType}>? baseCodec;");
                writer.Line();
                writer.Line($"private static {Codecs}ClassCodec<{baseType}> BaseCodec =>");
                writer.Line($"    baseCodec ??= ({Codecs}ClassCodec<{baseType}>){Serialization}CodecRegistry.GetCodec<{baseType}>();");
                writer.Line();
            }
            if (type.IsImmutable)
            {
                writer.Line("public override bool IsImmutable => true;");
                writer.Line();
            }

            EmitWriteFields(writer, type, isStruct);
            writer.Line();
            EmitReadFields(writer, type, isStruct);
            EmitCreateInstance(writer, type, isStruct);
            EmitAccessors(writer, type, isStruct);
            writer.Close();
            return End(writer);
        }

        private static void EmitWriteFields(SourceWriter writer, SerializableTypeModel type, bool isStruct)
        {
            writer.Open($"public override void WriteFields({Serialization}Writer writer, {(isStruct ? "in " : "")}{type.TypeName} value)");
            if (type.BaseTypeName is not null)
            {
                writer.Line("BaseCodec.WriteFields(writer, value);");
                writer.Line("writer.WriteEndBase();");
            }
            foreach (var member in type.Members)
            {
                var read = member.Read == MemberAccess.Direct
                    ? "value." + member.Name
                    : AccessorName(member) + (isStruct ? "(ref global::System.Runtime.CompilerServices.Unsafe.AsRef(in value))" : "(value)");
                writer.Line($"writer.WriteField<{member.TypeName}>({member.Id}u, {read});");
            }
            writer.Close();
        }

        private static void EmitReadFields(SourceWriter writer, SerializableTypeModel type, bool isStruct)
        {
            writer.Open($"public override bool ReadFields(ref {Serialization}Reader reader, {(isStruct ? "ref " : "")}{type.TypeName} value)");
            if (type.BaseTypeName is not null)
            {
                writer.Line("if (BaseCodec.ReadFields(ref reader, value))");
                writer.Line("    return true;");
            }
            writer.Open("while (true)");
            writer.Line("var field = reader.ReadFieldHeader();");
            writer.Line("if (field.IsEndMarker)");
            writer.Line("    return field.IsEndObject;");
            writer.Open("switch (field.FieldId)");
            foreach (var member in type.Members)
            {
                var target = member.Write == MemberAccess.Direct
                    ? "value." + member.Name
                    : AccessorName(member) + (isStruct ? "(ref value)" : "(value)");
                writer.Line($"case {member.Id}u:");
                writer.Line($"    {target} = reader.ReadValue<{member.TypeName}>(field);");
                writer.Line("    break;");
            }
            writer.Line("default:");
            writer.Line("    reader.SkipField(field);");
            writer.Line("    break;");
            writer.Close();
            writer.Close();
            writer.Close();
        }

        private static void EmitCreateInstance(SourceWriter writer, SerializableTypeModel type, bool isStruct)
        {
            if (type.Creation == CreationKind.Constructor)
            {
                writer.Line();
                var placeholders = string.Join(", ", type.RequiredMembers.Select(static name => $"{name} = default!"));
                writer.Line(placeholders.Length == 0
                    ? $"protected override {type.TypeName} CreateInstance() => new {type.TypeName}();"
                    : $"protected override {type.TypeName} CreateInstance() => new {type.TypeName} {{ {placeholders} }};");
            }
            else if (type.Creation == CreationKind.Uninitialized && !isStruct)
            {
                // No parameterless constructor (a positional record, say): fields are set through accessors afterwards.
                writer.Line();
                writer.Line($"protected override {type.TypeName} CreateInstance() =>");
                writer.Line($"    ({type.TypeName})global::System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(typeof({type.TypeName}));");
            }
        }

        private static void EmitAccessors(SourceWriter writer, SerializableTypeModel type, bool isStruct)
        {
            foreach (var member in type.Members)
            {
                if (member.Read == MemberAccess.Direct && member.Write == MemberAccess.Direct)
                    continue;
                writer.Line();
                writer.Line($"[global::System.Runtime.CompilerServices.UnsafeAccessor(global::System.Runtime.CompilerServices.UnsafeAccessorKind.Field, Name = \"{member.FieldName}\")]");
                writer.Line($"private static extern ref {member.TypeName} {AccessorName(member)}({(isStruct ? "ref " : "")}{type.TypeName} target);");
            }
        }

        private static string AccessorName(MemberModel member) => "Field_" + member.Name.TrimStart('@');
    }
}
