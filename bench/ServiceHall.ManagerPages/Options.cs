using System.Globalization;

namespace ServiceHall.ManagerPages;

/// <summary>Command line of the manager's pages bench; the defaults give the documented year of a large hall.</summary>
public sealed record Options
{
    public int Days { get; init; } = 250;
    public int Counters { get; init; } = 60;
    public int Staff { get; init; } = 150;
    public int TicketsPerDay { get; init; } = 1500;
    public int Runs { get; init; } = 5;
    public string Provider { get; init; } = "Sqlite";
    public string PostgresServer { get; init; } = "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";
    public string? ServerDll { get; init; }
    public bool KeepDatabase { get; init; }
    public int Seed { get; init; } = 15;
    /// <summary>A SQLite file (and its key file) kept by an earlier run: time it again without generating.</summary>
    public string? ReuseDatabase { get; init; }
    public string? ReuseKeyFile { get; init; }
    /// <summary>Time only the requests whose name contains this text.</summary>
    public string? Only { get; init; }

    public bool Postgres => Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase);

    public const string Usage = """
        ServiceHall.ManagerPages — fills a fresh database with a year of a large hall, then times every manager page's API.

          --days N            working days before today to generate (default 250: a year)
          --counters N        counters of the hall (default 60)
          --staff N           counter staff (default 150)
          --tickets N         tickets a working day (default 1500)
          --runs N            timed runs of each request; the median is printed (default 5)
          --provider Sqlite|Postgres   database of the run (default Sqlite)
          --pg CONNSTRING     PostgreSQL server without Database= (a fresh database is created)
          --server-dll PATH   ServiceHall.Web.dll to start (default: src/ServiceHall.Web/bin/Release/net10.0)
          --keep-db           keep the database and its key file afterwards (both names are printed)
          --seed N            seed of the generator (default 15): the same data every run
          --reuse DB KEY      time a database kept by an earlier --keep-db run (a SQLite file, or with --provider Postgres
                              a database name) with its key file, generating nothing
          --only TEXT         time only the requests whose name contains TEXT
        """;

    public static Options Parse(string[] args)
    {
        var o = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number() => int.Parse(Value(), CultureInfo.InvariantCulture);
            o = args[i] switch
            {
                "--days" => o with { Days = Number() },
                "--counters" => o with { Counters = Number() },
                "--staff" => o with { Staff = Number() },
                "--tickets" => o with { TicketsPerDay = Number() },
                "--runs" => o with { Runs = Number() },
                "--provider" => o with { Provider = Value() },
                "--pg" => o with { PostgresServer = Value() },
                "--server-dll" => o with { ServerDll = Value() },
                "--keep-db" => o with { KeepDatabase = true },
                "--seed" => o with { Seed = Number() },
                "--reuse" => o with { ReuseDatabase = Value(), ReuseKeyFile = Value(), KeepDatabase = true },
                "--only" => o with { Only = Value() },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        if (o.Days < 1 || o.Counters < 1 || o.Staff < o.Counters || o.TicketsPerDay < 1 || o.Runs < 1)
            throw new ArgumentException("--days, --counters, --tickets and --runs must be positive, --staff at least --counters.");
        if (!o.Postgres && !o.Provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException("--provider is Sqlite or Postgres.");
        return o;
    }
}
