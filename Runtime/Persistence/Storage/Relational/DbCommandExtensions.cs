using System.Data;
using System.Data.Common;

namespace QuantumScheduler.Runtime.Storage.Relational;

/// <summary>Named parameters the same way for every ADO.NET provider (SQL text refers to them as <c>@name</c>).</summary>
internal static class DbCommandExtensions
{
    public static void AddParameter(this DbCommand command, string name, object value, DbType? type = null)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        if (type is { } dbType)
            parameter.DbType = dbType;
        command.Parameters.Add(parameter);
    }
}
