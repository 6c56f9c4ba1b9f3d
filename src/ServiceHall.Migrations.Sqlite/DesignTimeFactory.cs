using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using ServiceHall.Core.Data;

namespace ServiceHall.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the model for Sqlite without starting the web app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<HallDbContext>
{
    public HallDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<HallDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new HallDbContext(options.Options);
    }
}
