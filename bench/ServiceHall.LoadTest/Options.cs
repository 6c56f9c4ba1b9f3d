namespace ServiceHall.LoadTest;

/// <summary>Command line of the load test; every option has a default that gives the documented run.</summary>
public sealed record Options
{
    public string? Url { get; init; }
    public bool Start { get; init; }
    public string? ServerDll { get; init; }
    public string Provider { get; init; } = "Sqlite";
    public string Sync { get; init; } = "FULL";
    public string PostgresServer { get; init; } = "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";
    public int Clients { get; init; } = 32;
    public int CounterClients { get; init; } = 4;
    public double Seconds { get; init; } = 30;
    /// <summary>Long enough for the server's JIT to finish recompiling hot code under this load (about 40 s).</summary>
    public double Warmup { get; init; } = 45;
    public string? Json { get; init; }
    public string Password { get; init; } = "Demo#2026";
    public bool KeepDatabase { get; init; }
    public int Prefill { get; init; }
    /// <summary>Phone pages connected to the hall hub, each following a ticket of its own (the fan-out run).</summary>
    public int Phones { get; init; }
    public int Displays { get; init; }
    /// <summary>Seconds a counter worker waits after each finish: a hall's pace of calls rather than the fastest.</summary>
    public double CallPause { get; init; }

    public int IssueClients => Clients - CounterClients;

    public const string Usage = """
        ServiceHall.LoadTest — drives the hall's HTTP API with a kiosk/counter mix and reports latency.

          --start                 start the server (Release build) on a free port with a fresh database
          --url URL               or target a server that is already running (with the demo hall seeded)
          --server-dll PATH       ServiceHall.Web.dll to start (default: src/ServiceHall.Web/bin/Release/net10.0)
          --provider Sqlite|Postgres   database of the started server (default Sqlite)
          --sync FULL|NORMAL      SQLite synchronous pragma of the started server (default FULL)
          --pg CONNSTRING         PostgreSQL server without Database= (a fresh database is created)
          --clients N             concurrent clients in all (default 32)
          --counter-clients K     of which counter workers: call-next, start, finish (default 4)
          --seconds T             measured seconds (default 30)
          --warmup S              seconds run before measuring (default 45: until the JIT is quiet)
          --json FILE             write the results as JSON
          --password P            password of the demo accounts (default Demo#2026)
          --keep-db               keep the temporary SQLite file or PostgreSQL database
          --prefill N             issue N tickets before the run (unmeasured), so that counters start on a queue
          --phones N              connect N phone pages (SignalR), each following a ticket issued for it
          --displays M            connect M displays (SignalR) following the whole hall
          --call-pause S          each counter worker waits S seconds after a finish before its next call
        """;

    public static Options Parse(string[] args)
    {
        var o = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            o = args[i] switch
            {
                "--url" => o with { Url = Value().TrimEnd('/') },
                "--start" => o with { Start = true },
                "--server-dll" => o with { ServerDll = Value() },
                "--provider" => o with { Provider = Value() },
                "--sync" => o with { Sync = Value().ToUpperInvariant() },
                "--pg" => o with { PostgresServer = Value() },
                "--clients" => o with { Clients = int.Parse(Value()) },
                "--counter-clients" => o with { CounterClients = int.Parse(Value()) },
                "--seconds" => o with { Seconds = double.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture) },
                "--warmup" => o with { Warmup = double.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture) },
                "--json" => o with { Json = Value() },
                "--password" => o with { Password = Value() },
                "--keep-db" => o with { KeepDatabase = true },
                "--prefill" => o with { Prefill = int.Parse(Value()) },
                "--phones" => o with { Phones = int.Parse(Value()) },
                "--displays" => o with { Displays = int.Parse(Value()) },
                "--call-pause" => o with { CallPause = double.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        if (o.Start == (o.Url is not null))
            throw new ArgumentException("Give either --start or --url.");
        if (o.Clients < 1 || o.CounterClients < 0 || o.CounterClients > o.Clients)
            throw new ArgumentException("--counter-clients must be between 0 and --clients.");
        if (o.Sync is not ("FULL" or "NORMAL" or "OFF" or "EXTRA"))
            throw new ArgumentException("--sync must be FULL, NORMAL, OFF or EXTRA.");
        if (!o.Provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase) && !o.Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException("--provider must be Sqlite or Postgres.");
        return o;
    }
}
