using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace ServiceHall.Core.Data;

/// <summary>
/// An EF compiled query, compiled once per database provider. EF binds a compiled query to the
/// provider of the first context that runs it, and one process may serve both providers (the
/// integration tests do), so each provider gets its own.
/// </summary>
public sealed class CompiledPerProvider<TQuery>(Func<TQuery> compile) where TQuery : Delegate
{
    private readonly ConcurrentDictionary<string, TQuery> _byProvider = new();

    public TQuery For(DbContext db) => _byProvider.GetOrAdd(db.Database.ProviderName ?? "", _ => compile());
}
