using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Queue;

/// <summary>The numbers to reserve for one hall, item and business day.</summary>
public readonly record struct NumberRequest(Guid HallId, Guid ServiceItemId, DateOnly Day, int Count);

/// <summary>Per hall, item and business day numbers: A001, A002… never given twice in a day.</summary>
public static class TicketNumbers
{
    public static string Format(string prefix, int sequence) => $"{prefix}{sequence:000}";

    /// <summary>
    /// Reserves <paramref name="count"/> consecutive numbers inside the caller's write transaction and
    /// returns the first.
    /// </summary>
    public static async Task<int> AllocateAsync(
        HallDbContext db, Guid hallId, Guid serviceItemId, DateOnly day, int count, CancellationToken ct) =>
        (await AllocateAsync(db, [new NumberRequest(hallId, serviceItemId, day, count)], ct))[0];

    /// <summary>
    /// Reserves numbers for several items at once, inside the caller's write transaction, and returns
    /// the first number of each request, in the order given. One upsert with RETURNING (SQLite ≥ 3.35
    /// and PostgreSQL both take it): the first number of the day creates the row, every later one
    /// increments it under the row lock, so concurrent nodes on PostgreSQL queue instead of reading
    /// the same value.
    /// </summary>
    public static async Task<int[]> AllocateAsync(HallDbContext db, IReadOnlyList<NumberRequest> requests, CancellationToken ct)
    {
        // The rows come back keyed by hall and item: one day per item in one allocation.
        if (requests.Select(r => (r.HallId, r.ServiceItemId)).Distinct().Count() != requests.Count)
            throw new ArgumentException("Each item may be asked for once per allocation.", nameof(requests));
        if (requests.Any(r => r.Count < 1))
            throw new ArgumentException("Reserve at least one number.", nameof(requests));
        var entity = db.Model.FindEntityType(typeof(TicketNumberSequence))!;
        var hall = (RelationalTypeMapping)entity.FindProperty(nameof(TicketNumberSequence.HallId))!.GetTypeMapping();
        var item = (RelationalTypeMapping)entity.FindProperty(nameof(TicketNumberSequence.ServiceItemId))!.GetTypeMapping();
        var day = (RelationalTypeMapping)entity.FindProperty(nameof(TicketNumberSequence.BusinessDay))!.GetTypeMapping();
        var last = (RelationalTypeMapping)entity.FindProperty(nameof(TicketNumberSequence.LastSequence))!.GetTypeMapping();

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Numbers are reserved inside a write transaction (BeginWriteAsync).");
        var sql = new StringBuilder(
            """INSERT INTO "TicketNumberSequences" ("HallId", "ServiceItemId", "BusinessDay", "LastSequence") VALUES """);
        for (var i = 0; i < requests.Count; i++)
        {
            var r = requests[i];
            sql.Append(i == 0 ? "" : ", ").Append($"(@h{i}, @i{i}, @d{i}, @c{i})");
            // Parameters typed by the model, so keys compare equal to the rows EF itself wrote.
            command.Parameters.Add(hall.CreateParameter(command, $"@h{i}", r.HallId, nullable: false));
            command.Parameters.Add(item.CreateParameter(command, $"@i{i}", r.ServiceItemId, nullable: false));
            command.Parameters.Add(day.CreateParameter(command, $"@d{i}", r.Day, nullable: false));
            command.Parameters.Add(last.CreateParameter(command, $"@c{i}", r.Count, nullable: false));
        }
        sql.Append("""
             ON CONFLICT ("HallId", "ServiceItemId", "BusinessDay")
            DO UPDATE SET "LastSequence" = "TicketNumberSequences"."LastSequence" + excluded."LastSequence"
            RETURNING "HallId", "ServiceItemId", "LastSequence"
            """);
        command.CommandText = sql.ToString();

        // RETURNING gives the rows in no particular order: match them by key.
        var lastByKey = new Dictionary<(Guid, Guid), int>(requests.Count);
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                lastByKey[(reader.GetGuid(0), reader.GetGuid(1))] = reader.GetInt32(2);
        }
        return requests.Select(r => lastByKey[(r.HallId, r.ServiceItemId)] - r.Count + 1).ToArray();
    }
}
