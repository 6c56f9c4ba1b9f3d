using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using ServiceHall.Core.Data;

namespace ServiceHall.Migrations.Postgres;

/// <summary>Lets `dotnet ef` build the model for Postgres without starting the web app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<HallDbContext>
{
    public HallDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<HallDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Postgres, "Host=127.0.0.1;Database=servicehall_design;Username=postgres;Password=postgres");
        return new HallDbContext(options.Options);
    }
}
