using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Dashboard;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Statistics;

/// <summary>The dashboard's figures of one past day, with the longest wait of the day.</summary>
public sealed record PastDay(DateOnly Day, DayFigures Figures, double? LongestWaitMinutes);

/// <summary>The dashboard's figures (S8) for a day or a range: the whole range, each day, and tickets per local hour over the range.</summary>
public sealed record PastFigures(Guid HallId, string TimeZoneId, DateOnly From, DateOnly To, DayFigures Total, double? LongestWaitMinutes,
    List<PastDay> Days, List<HourFigures> PerHour);

/// <summary>
/// Today's figures of the live dashboard for any past day or range, counted the same way (<see cref="TodayFiguresRule"/>: a
/// transfer is not issued again nor waited twice, each finished service is served) but summed in the database per business
/// day and per UTC hour: a month of a 60-counter hall is a few hundred rows to the app, not its 100,000 tickets.
/// </summary>
public sealed class GetPastFigures(HallDbContext db)
{
    public async Task<PastFigures> HandleAsync(Guid hallId, Guid readerId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var period = StatisticsPeriod.Of(from, to);
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        var hall = await db.Halls.AsNoTracking().Where(h => h.Id == hallId).Select(h => new { h.TimeZoneId, h.OpensAt, h.ClosesAt }).FirstAsync(ct);
        var clock = new HallClock(hall.TimeZoneId);

        var sql = db.Database.IsNpgsql() ? PastFiguresSql.Postgres : PastFiguresSql.Sqlite;
        var days = new List<DayRow>();
        var hours = new List<HourRow>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using (var command = Command(connection, sql.Days, hallId, period))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                    days.Add(new DayRow(Day(reader.GetValue(0)), Int(reader, 1), Int(reader, 2), Int(reader, 3), Int(reader, 4), Int(reader, 5),
                        Int(reader, 6), Number(reader, 7), reader.IsDBNull(8) ? null : Number(reader, 8), Int(reader, 9), Number(reader, 10)));
            }
            await using (var command = Command(connection, sql.Hours, hallId, period))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                    hours.Add(new HourRow(reader.GetString(0), reader.GetString(1), Int(reader, 2)));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        var total = Sum(days);
        var perHour = PerLocalHour(hours, clock, hall.OpensAt, hall.ClosesAt);
        return new PastFigures(hallId, clock.TimeZoneId, period.From, period.To, total.Figures, total.LongestWaitMinutes,
            days.Select(d => new PastDay(d.Day, Figures(d), Round(d.LongestWait))).ToList(), perHour);
    }

    /// <summary>One business day summed by the database; minutes are sums, so that averages over a range stay exact.</summary>
    private sealed record DayRow(DateOnly Day, int Issued, int Served, int Waiting, int NoShows, int Expired, int Waits, double WaitMinutes,
        double? LongestWait, int Services, double ServiceMinutes);

    /// <summary>Issued ("i") or served ("s") tickets in one UTC hour, <c>2026-11-23 02</c>.</summary>
    private sealed record HourRow(string What, string UtcHour, int Count);

    private static DayFigures Figures(DayRow d) => new(d.Issued, d.Served, d.Waiting, d.NoShows, Average(d.WaitMinutes, d.Waits),
        Average(d.ServiceMinutes, d.Services), d.Expired);

    private static (DayFigures Figures, double? LongestWaitMinutes) Sum(List<DayRow> days)
    {
        var all = new DayRow(default, days.Sum(d => d.Issued), days.Sum(d => d.Served), days.Sum(d => d.Waiting), days.Sum(d => d.NoShows),
            days.Sum(d => d.Expired), days.Sum(d => d.Waits), days.Sum(d => d.WaitMinutes), days.Max(d => d.LongestWait), days.Sum(d => d.Services),
            days.Sum(d => d.ServiceMinutes));
        return (Figures(all), Round(all.LongestWait));
    }

    /// <summary>
    /// UTC hours to the hall's hours, from opening to closing widened to any hour with tickets, as the dashboard's chart.
    /// A UTC hour is one local hour in every zone of a whole-hour offset (all of China's halls).
    /// </summary>
    private static List<HourFigures> PerLocalHour(List<HourRow> hours, HallClock clock, TimeOnly opensAt, TimeOnly closesAt)
    {
        var local = hours.Select(h => (h.What, Hour: clock.LocalTime(DateTime.ParseExact(h.UtcHour[..10] + " " + h.UtcHour[11..13], "yyyy-MM-dd HH",
                CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)).Hour, h.Count))
            .ToList();
        var issued = local.Where(h => h.What == "i").GroupBy(h => h.Hour).ToDictionary(g => g.Key, g => g.Sum(h => h.Count));
        var served = local.Where(h => h.What == "s").GroupBy(h => h.Hour).ToDictionary(g => g.Key, g => g.Sum(h => h.Count));
        var lastHour = closesAt == TimeOnly.MinValue ? 23 : (closesAt.Minute > 0 || closesAt.Second > 0 ? closesAt.Hour : closesAt.Hour - 1);
        var first = issued.Keys.Concat(served.Keys).Append(opensAt.Hour).Min();
        var last = issued.Keys.Concat(served.Keys).Append(Math.Max(opensAt.Hour, lastHour)).Max();
        return Enumerable.Range(first, last - first + 1)
            .Select(h => new HourFigures(h, issued.GetValueOrDefault(h), served.GetValueOrDefault(h))).ToList();
    }

    private DbCommand Command(DbConnection connection, string sql, Guid hallId, StatisticsPeriod period)
    {
        // Parameters typed by the model, so that they compare equal to what EF Core stored (on SQLite a Guid is upper-case text).
        var ticket = db.Model.FindEntityType(typeof(Ticket))!;
        var hall = (RelationalTypeMapping)ticket.FindProperty(nameof(Ticket.HallId))!.GetTypeMapping();
        var day = (RelationalTypeMapping)ticket.FindProperty(nameof(Ticket.BusinessDay))!.GetTypeMapping();
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add(hall.CreateParameter(command, "@hall", hallId, nullable: false));
        command.Parameters.Add(day.CreateParameter(command, "@from", period.From, nullable: false));
        command.Parameters.Add(day.CreateParameter(command, "@to", period.To, nullable: false));
        return command;
    }

    private static DateOnly Day(object value) => value switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        _ => DateOnly.ParseExact(Convert.ToString(value, CultureInfo.InvariantCulture)!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static int Int(DbDataReader reader, int i) => reader.IsDBNull(i) ? 0 : Convert.ToInt32(reader.GetValue(i), CultureInfo.InvariantCulture);

    private static double Number(DbDataReader reader, int i) => reader.IsDBNull(i) ? 0 : Convert.ToDouble(reader.GetValue(i), CultureInfo.InvariantCulture);

    private static double? Average(double minutes, int count) => count == 0 ? null : Math.Round(minutes / count, 1);

    private static double? Round(double? minutes) => minutes is { } m ? Math.Round(m, 1) : null;
}
