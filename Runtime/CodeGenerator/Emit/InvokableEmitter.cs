using System.Linq;
using QuantumScheduler.Runtime.CodeGenerator.Analysis;
using QuantumScheduler.Runtime.CodeGenerator.Model;
using static QuantumScheduler.Runtime.CodeGenerator.Emit.GeneratedFile;

namespace QuantumScheduler.Runtime.CodeGenerator.Emit
{
    /// <summary>Emits the request type of one grain method (arguments as fields, dispatch without reflection) and its codec.</summary>
    internal static class InvokableEmitter
    {
        public static string CodecName(MethodModel method) => method.InvokableName + "_Codec";

        public static string Emit(MethodModel method, string assemblyName)
        {
            var writer = Begin(assemblyName);
            EmitInvokable(writer, method);
            writer.Line();
            EmitCodec(writer, method);
            return End(writer);
        }

        private static void EmitInvokable(SourceWriter writer, MethodModel method)
        {
            var count = method.Parameters.Length;
            writer.Line(GeneratedCodeAttribute);
            writer.Open($"internal sealed class {method.InvokableName}{method.TypeParameters} : {Invocation}IInvokable{method.Constraints}");
            if (method.ResponseTimeoutTicks is { } ticks)
            {
                writer.Line($"private static readonly global::System.TimeSpan? Timeout = global::System.TimeSpan.FromTicks({ticks}L);");
                writer.Line();
            }
            for (var i = 0; i < count; i++)
                writer.Line($"public {method.Parameters[i].TypeName} Arg{i} = default!;");
            if (count > 0)
                writer.Line();

            writer.Line($"public global::System.Type InterfaceType => typeof({method.InterfaceTypeName});");
            writer.Line();
            writer.Line($"public string MethodName => {SymbolExtensions.Literal(method.Name)};");
            writer.Line();
            writer.Line($"public {Invocation}InvokeMethodOptions Options => ({Invocation}InvokeMethodOptions){method.Options};");
            writer.Line();
            writer.Line($"public global::System.TimeSpan? ResponseTimeout => {(method.ResponseTimeoutTicks is null ? "null" : "Timeout")};");
            writer.Line();
            writer.Line($"public int ArgumentCount => {count};");
            writer.Line();
            writer.Line("public global::System.Threading.CancellationToken CancellationToken { get; set; }");
            writer.Line();
            writer.Line($"public bool IsCancellable => {(method.CancellationTokenName is null ? "false" : "true")};");
            writer.Line();

            writer.Open("public object? GetArgument(int index)");
            writer.Open("switch (index)");
            for (var i = 0; i < count; i++)
                writer.Line($"case {i}: return Arg{i};");
            writer.Line($"default: throw new global::System.ArgumentOutOfRangeException(nameof(index), index, \"{method.Name} takes {count} argument(s).\");");
            writer.Close();
            writer.Close();
            writer.Line();

            writer.Open("public void SetArgument(int index, object? value)");
            writer.Open("switch (index)");
            for (var i = 0; i < count; i++)
                writer.Line($"case {i}: Arg{i} = ({method.Parameters[i].TypeName})value!; break;");
            writer.Line($"default: throw new global::System.ArgumentOutOfRangeException(nameof(index), index, \"{method.Name} takes {count} argument(s).\");");
            writer.Close();
            writer.Close();
            writer.Line();

            EmitInvoke(writer, method);
            writer.Line();
            writer.Line($"public override string ToString() => {SymbolExtensions.Literal(method.WireName)};");
            writer.Close();
        }

        /// <summary>A call that completes synchronously builds its response without an async state machine.</summary>
        private static void EmitInvoke(SourceWriter writer, MethodModel method)
        {
            var arguments = Enumerable.Range(0, method.Parameters.Length).Select(i => "Arg" + i).ToList();
            if (method.CancellationTokenName is not null)
                arguments.Add("CancellationToken");
            var call = $"(({method.InterfaceTypeName})target).{SymbolExtensions.EscapeIdentifier(method.Name)}({string.Join(", ", arguments)})";
            var hasResult = method.ResultTypeName is not null;
            var completed = hasResult ? $"{Invocation}Response.FromResult<{method.ResultTypeName}>(task.Result)" : $"{Invocation}Response.Completed";
            var awaited = hasResult ? $"{Invocation}Response.FromResult<{method.ResultTypeName}>(await task.ConfigureAwait(false))" : $"{Invocation}Response.Completed";

            writer.Open($"public global::System.Threading.Tasks.ValueTask<{Invocation}Response> Invoke(object target)");
            writer.Open("try");
            writer.Line($"var task = {call};");
            writer.Line("return task.IsCompletedSuccessfully");
            writer.Line($"    ? new global::System.Threading.Tasks.ValueTask<{Invocation}Response>({completed})");
            writer.Line("    : Await(task);");
            writer.Close();
            writer.Open("catch (global::System.Exception exception)");
            writer.Line($"return new global::System.Threading.Tasks.ValueTask<{Invocation}Response>({Invocation}Response.FromException(exception));");
            writer.Close();
            writer.Close();
            writer.Line();

            writer.Open($"private static async global::System.Threading.Tasks.ValueTask<{Invocation}Response> Await({method.ReturnTypeName} task)");
            writer.Open("try");
            if (!hasResult)
                writer.Line("await task.ConfigureAwait(false);");
            writer.Line($"return {awaited};");
            writer.Close();
            writer.Open("catch (global::System.Exception exception)");
            writer.Line($"return {Invocation}Response.FromException(exception);");
            writer.Close();
            writer.Close();
        }

        /// <summary>Arguments are fields 0..n-1; the cancellation token is never serialised.</summary>
        private static void EmitCodec(SourceWriter writer, MethodModel method)
        {
            var invokable = method.InvokableName + method.TypeParameters;
            writer.Line(GeneratedCodeAttribute);
            writer.Open($"internal sealed class {CodecName(method)}{method.TypeParameters} : {Codecs}ClassCodec<{invokable}>{method.Constraints}");
            writer.Open($"public override void WriteFields({Serialization}Writer writer, {invokable} value)");
            for (var i = 0; i < method.Parameters.Length; i++)
                writer.Line($"writer.WriteField<{method.Parameters[i].TypeName}>({i}u, value.Arg{i});");
            writer.Close();
            writer.Line();
            writer.Open($"public override bool ReadFields(ref {Serialization}Reader reader, {invokable} value)");
            writer.Open("while (true)");
            writer.Line("var field = reader.ReadFieldHeader();");
            writer.Line("if (field.IsEndMarker)");
            writer.Line("    return field.IsEndObject;");
            writer.Open("switch (field.FieldId)");
            for (var i = 0; i < method.Parameters.Length; i++)
                writer.Line($"case {i}u: value.Arg{i} = reader.ReadValue<{method.Parameters[i].TypeName}>(field); break;");
            writer.Line("default: reader.SkipField(field); break;");
            writer.Close();
            writer.Close();
            writer.Close();
            writer.Line();
            writer.Line($"protected override {invokable} CreateInstance() => new {invokable}();");
            writer.Close();
        }
    }
}
