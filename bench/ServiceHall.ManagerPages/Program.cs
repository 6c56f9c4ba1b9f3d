using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ServiceHall.Core.Data;
using ServiceHall.ManagerPages;

// The manager's pages at a year of a large hall (issue 15): fill a fresh database, start the app on it, time each page's API
// and each streamed export of a year as the supervisor; medians of --runs runs after one unmeasured request each.
Options options;
try
{
    options = Options.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Options.Usage);
    return 2;
}

var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
var keyFile = options.ReuseKeyFile ?? Path.Combine(Path.GetTempPath(), $"servicehall-manager-pages-{stamp}.key");
string connectionString, database;
if (options.Postgres)
{
    database = options.ReuseDatabase ?? $"servicehall_pages_{stamp}";
    connectionString = $"{options.PostgresServer};Database={database}";
}
else
{
    database = options.ReuseDatabase ?? Path.Combine(Path.GetTempPath(), $"servicehall-manager-pages-{stamp}.db");
    connectionString = $"Data Source={database}";
}
var dbOptions = options.Postgres
    ? new DbContextOptionsBuilder<HallDbContext>().UseNpgsql(connectionString).Options
    // Small batches: SQLite finds a named parameter by a linear search, so a batch of thousands binds in quadratic time.
    : new DbContextOptionsBuilder<HallDbContext>().UseSqlite(connectionString, o => o.MaxBatchSize(64)).Options;
// Long enough for a first request that tallies a year of days on a loaded machine.
using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(30) };

try
{
    Console.WriteLine($"Database: {options.Provider} {database}");
    Generator.Result data;
    if (options.ReuseDatabase is not null)
        data = await Generator.ReadBackAsync(dbOptions, CancellationToken.None);
    else
    {
        // 1. The app creates the schema and the demo hall (its accounts, departments, items, counters), then stops.
        await using (var _ = await Server.StartAsync(options, connectionString, keyFile, http))
            Console.WriteLine("  schema and demo hall created by the app");

        // 2. The year, straight into the database.
        Console.WriteLine($"Generating {options.Days} working days: {options.Counters} counters, {options.Staff} staff, {options.TicketsPerDay} tickets a day");
        data = await new Generator(options, dbOptions).RunAsync(CancellationToken.None);
        Console.WriteLine($"  {data.Tickets:N0} tickets, {data.Rows:N0} rows in {data.Elapsed.TotalSeconds:0} s " +
            $"({data.Rows / Math.Max(1, data.Elapsed.TotalSeconds):N0} rows/s)");
    }
    if (!options.Postgres)
        Console.WriteLine($"  SQLite file: {new FileInfo(database).Length / 1048576.0:N0} MB");

    // 3. The app again, on the year; the supervisor times each page.
    await using var server = await Server.StartAsync(options, connectionString, keyFile, http);
    var login = await http.PostAsJsonAsync($"{server.Url}/api/auth/login", new { userName = "supervisor", password = "Demo#2026" });
    login.EnsureSuccessStatusCode();
    var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

    var h = $"/api/halls/{data.HallId}";
    var last = data.LastDay;
    // "A month" is the last whole calendar month of the data (the current one may have only begun).
    var monthTo = new DateOnly(last.Year, last.Month, 1).AddDays(-1);
    var monthFrom = new DateOnly(monthTo.Year, monthTo.Month, 1);
    var (month, year) = ($"from={Iso(monthFrom)}&to={Iso(monthTo)}", $"from={Iso(last.AddDays(-364))}&to={Iso(last)}");
    var pages = new (string Name, string Path)[]
    {
        ("standards, day", $"{h}/standards?period=day&date={Iso(last)}"),
        ("standards, week", $"{h}/standards?period=week&date={Iso(last)}"),
        ("standards, month", $"{h}/standards?period=month&date={Iso(monthTo)}"),
        ("standards, month by staff", $"{h}/standards?period=month&date={Iso(monthTo)}&scope=staff"),
        ("standards history, 8 weeks", $"{h}/standards/history?period=week&count=8"),
        ("standards history, 6 months", $"{h}/standards/history?period=month&count=6"),
        ("halls ranking, month", $"/api/standards/halls?period=month&date={Iso(monthTo)}"),
        ("complaint statistics, month", $"{h}/statistics/complaints?{month}"),
        ("complaint statistics, year", $"{h}/statistics/complaints?{year}"),
        ("好差评 by month, month", $"{h}/statistics/satisfaction/months?{month}"),
        ("好差评 by month, year", $"{h}/statistics/satisfaction/months?{year}"),
        ("past figures, month", $"{h}/statistics/figures?{month}"),
        ("past figures, year", $"{h}/statistics/figures?{year}"),
        ("alert history, month", $"{h}/statistics/alerts?{month}"),
        ("alert history, year", $"{h}/statistics/alerts?{year}"),
        ("ticket lookup", $"{h}/statistics/tickets?number={data.FirstTicketNumber}&day={Iso(last)}"),
        ("staffing plan, next week", $"{h}/staffing/plan"),
        ("dashboard", $"{h}/dashboard"),
        ("service ledger, month", $"{h}/ledger?{month}&period=month"),
        ("service ledger, month by day", $"{h}/ledger?{month}&period=day"),
        ("assessment, month by staff", $"{h}/assessment?year={monthTo.Year}&month={monthTo.Month}&scope=staff"),
        ("assessment, month by department", $"{h}/assessment?year={monthTo.Year}&month={monthTo.Month}&scope=department"),
    };
    var exports = new (string Name, string Path)[]
    {
        ("complaints", $"{h}/statistics/complaints/export?{year}"),
        ("alert history", $"{h}/statistics/alerts/export?{year}"),
        ("好差评 figures", $"{h}/statistics/satisfaction/export?{year}"),
        ("inquiry on-time report", $"{h}/statistics/inquiries/export?{year}"),
        ("overdue cases", $"{h}/statistics/overdue-cases/export?{year}"),
        ("service ledger", $"{h}/ledger/export?{year}&period=day"),
        ("service ledger, a month", $"{h}/ledger/export?{month}&period=day"),
        ("assessment, a month by staff", $"{h}/assessment/export?year={monthTo.Year}&month={monthTo.Month}&scope=staff"),
    };

    Console.WriteLine();
    Console.WriteLine($"Pages ({options.Runs} runs each, median; target under 1 s on SQLite)");
    Console.WriteLine($"  {"request",-32} {"median ms",10} {"min",8} {"max",8} {"KB",9} {"first",8}");
    foreach (var (name, path) in pages)
        await TimeAsync(name, path, 1000);
    Console.WriteLine();
    Console.WriteLine($"Exports (a year unless named; {options.Runs} runs each, median, to the last byte; target under 10 s)");
    Console.WriteLine($"  {"export",-32} {"median ms",10} {"min",8} {"max",8} {"KB",9} {"first",8}");
    foreach (var (name, path) in exports)
        await TimeAsync(name, path, 10_000);

    async Task TimeAsync(string name, string path, double target)
    {
        if (options.Only is { } only && !name.Contains(only, StringComparison.OrdinalIgnoreCase))
            return;
        var times = new List<double>();
        long bytes = 0;
        double first = 0;
        for (var run = 0; run <= options.Runs; run++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync($"{server.Url}{path}", HttpCompletionOption.ResponseHeadersRead);
            if (response.StatusCode == HttpStatusCode.NotFound && run == 0 && response.Content.Headers.ContentLength is null or 0)
            {
                Console.WriteLine($"  {name,-32} {"—",10}   (no such route in this build)");
                return;
            }
            if (!response.IsSuccessStatusCode)
            {
                Console.WriteLine($"  {name,-32} {"—",10}   {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                return;
            }
            await using var body = await response.Content.ReadAsStreamAsync();
            bytes = await DrainAsync(body);
            watch.Stop();
            // The first request of each warms the app's code and the database's cache (and sums the days without a
            // tally yet, ADR-026): not counted, shown apart.
            if (run > 0)
                times.Add(watch.Elapsed.TotalMilliseconds);
            else
                first = watch.Elapsed.TotalMilliseconds;
        }
        times.Sort();
        var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[times.Count / 2 - 1] + times[times.Count / 2]) / 2;
        Console.WriteLine($"  {name,-32} {median,10:N0} {times[0],8:N0} {times[^1],8:N0} {bytes / 1024.0,9:N0} {first,8:N0}" +
            (median > target ? "   over target" : ""));
    }
    Console.WriteLine();
    Console.WriteLine($"Server log: {server.LogFile}");
    return 0;
}
finally
{
    // A kept database opens only with its key file (the key ring in it is encrypted with it): both stay.
    if (options.KeepDatabase)
        Console.WriteLine($"Kept: {database} (key file {keyFile})");
    else if (options.Postgres)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection($"{options.PostgresServer};Database=postgres");
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
    else
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(database + suffix);
    }
    if (!options.KeepDatabase)
        File.Delete(keyFile);
}

static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

static async Task<long> DrainAsync(Stream body)
{
    var buffer = new byte[81920];
    long total = 0;
    int read;
    while ((read = await body.ReadAsync(buffer)) > 0)
        total += read;
    return total;
}
