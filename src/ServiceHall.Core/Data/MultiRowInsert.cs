using System.Runtime.CompilerServices;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ServiceHall.Core.Data;

/// <summary>
/// Inserts many new rows of one entity type with one <c>INSERT … VALUES (…), (…)</c> statement, for
/// the hottest write (a batch of tickets, ADR-003). The columns and value conversions come from the
/// EF model, so the rows are stored exactly as <c>SaveChanges</c> would store them; what is skipped
/// is the change tracker and one statement per row. Only for entities whose values are all set by
/// the application (no store-generated keys or defaults, no shadow properties).
/// The values are written as literals by the provider's own type mappings (the code EF uses for
/// seed data in migrations, which quotes and escapes), not as parameters: SQLite looks a named
/// parameter up by a linear search, so binding the thousands of a large batch costs time quadratic
/// in its size.
/// </summary>
public sealed class MultiRowInsert<T> where T : class
{
    // Keeps one statement's text to a few hundred kilobytes.
    private const int MaxValues = 30_000;
    // One per model (a provider's model lives as long as EF's service provider that built it).
    private static readonly ConditionalWeakTable<IModel, MultiRowInsert<T>> ByModel = new();

    private readonly (RelationalTypeMapping Mapping, IClrPropertyGetter Getter)[] _columns;
    private readonly string _head;
    private readonly int _rowsPerStatement;

    private MultiRowInsert(IModel model, ISqlGenerationHelper sql)
    {
        var entity = model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not part of the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().ToList();
        var unsupported = properties.FirstOrDefault(p => p.IsShadowProperty() || !IsSetByApplication(p));
        if (unsupported is not null)
            throw new InvalidOperationException(
                $"{typeof(T).Name}.{unsupported.Name} is a shadow or store-generated property; insert {typeof(T).Name} with SaveChanges.");
        _columns = properties.Select(p => ((RelationalTypeMapping)p.GetTypeMapping(), p.GetGetter())).ToArray();
        _head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ("
            + string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!))) + ") VALUES ";
        _rowsPerStatement = Math.Max(1, MaxValues / _columns.Length);
    }

    // A Guid key counts as set by the application: EF marks it generated on add, but on the client.
    private static bool IsSetByApplication(IProperty p) =>
        p.GetDefaultValueSql() is null && p.GetComputedColumnSql() is null
        && (p.ValueGenerated == ValueGenerated.Never || (p.IsPrimaryKey() && p.ClrType == typeof(Guid)));

    /// <summary>Inserts <paramref name="rows"/> inside the caller's transaction (one statement per ~1,000 rows).</summary>
    public static async Task InsertAsync(HallDbContext db, IReadOnlyList<T> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
            return;
        var sql = db.GetService<ISqlGenerationHelper>();
        var insert = ByModel.GetValue(db.Model, model => new MultiRowInsert<T>(model, sql));
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A multi-row insert runs inside a write transaction (BeginWriteAsync).");
        for (var first = 0; first < rows.Count; first += insert._rowsPerStatement)
        {
            await using var command = insert.Build(connection, rows, first, Math.Min(insert._rowsPerStatement, rows.Count - first));
            command.Transaction = transaction;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private DbCommand Build(DbConnection connection, IReadOnlyList<T> rows, int first, int count)
    {
        var command = connection.CreateCommand();
        var text = new StringBuilder(_head, _head.Length + count * _columns.Length * 24);
        for (var r = first; r < first + count; r++)
        {
            text.Append(r == first ? "(" : ", (");
            for (var c = 0; c < _columns.Length; c++)
            {
                var (mapping, getter) = _columns[c];
                if (c > 0)
                    text.Append(", ");
                text.Append(mapping.GenerateSqlLiteral(getter.GetClrValueUsingContainingEntity(rows[r])));
            }
            text.Append(')');
        }
        command.CommandText = text.ToString();
        return command;
    }
}
