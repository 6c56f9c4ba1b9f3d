using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ServiceHall.ManagerPages;

/// <summary>
/// Inserts rows of one entity with one prepared single-row INSERT executed per row in the caller's transaction: columns, value
/// conversions and parameter types come from the EF model (as SaveChanges would store them), without the change tracker and
/// without re-binding a statement per row. A key the database generates (an identity) is left to the database.
/// </summary>
public static class PreparedInsert
{
    /// <summary>PostgreSQL: the rows in one binary COPY, each value with the column's store type.</summary>
    private static async Task CopyAsync<T>(Npgsql.NpgsqlConnection connection, ISqlGenerationHelper sql, StoreObjectIdentifier table,
        List<(IProperty Property, RelationalTypeMapping Mapping, IClrPropertyGetter Getter)> properties, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        var columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.Property.GetColumnName(table)!)));
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {sql.DelimitIdentifier(table.Name, table.Schema)} ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        var types = properties.Select(p => p.Mapping.StoreType.Split('(')[0]).ToArray();
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            for (var i = 0; i < properties.Count; i++)
            {
                var value = properties[i].Getter.GetClrValue(row);
                if (value is not null && properties[i].Mapping.Converter is { } converter)
                    value = converter.ConvertToProvider(value);
                if (value is null)
                    await writer.WriteNullAsync(ct);
                else
                    await writer.WriteAsync(value, types[i], ct);
            }
        }
        await writer.CompleteAsync(ct);
    }

    public static async Task InsertAsync<T>(DbContext db, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0)
            return;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType != typeof(Guid)) && !p.IsShadowProperty())
            .Select(p => (Property: p, Mapping: p.GetRelationalTypeMapping(), Getter: p.GetGetter())).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();
        if (connection is Npgsql.NpgsqlConnection npgsql)
        {
            await CopyAsync(npgsql, sql, table, properties, rows, ct);
            return;
        }
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} " +
            $"({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.Property.GetColumnName(table)!)))}) " +
            $"VALUES ({string.Join(", ", properties.Select((_, i) => $"@p{i}"))})";
        var parameters = properties.Select((p, i) => p.Mapping.CreateParameter(command, $"@p{i}", null, p.Property.IsNullable)).ToArray();
        command.Parameters.AddRange(parameters);
        await command.PrepareAsync(ct);
        foreach (var row in rows)
        {
            for (var i = 0; i < properties.Count; i++)
            {
                var value = properties[i].Getter.GetClrValue(row);
                if (value is not null && properties[i].Mapping.Converter is { } converter)
                    value = converter.ConvertToProvider(value);
                parameters[i].Value = value ?? DBNull.Value;
            }
            // Synchronous: SQLite has no asynchronous I/O, and the awaits cost more than the inserts.
            command.ExecuteNonQuery();
        }
    }
}
