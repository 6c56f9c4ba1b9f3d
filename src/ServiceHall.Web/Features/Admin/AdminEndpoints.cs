using Microsoft.AspNetCore.Http.HttpResults;
using ServiceHall.Core.Features.Admin;
using ServiceHall.Web.Identity;

namespace ServiceHall.Web.Features.Admin;

/// <summary>
/// Settings of halls, departments, counters, items and accounts (admin role). Nothing that tickets refer
/// to is deleted: a PUT with <c>isActive: false</c> deactivates it.
/// </summary>
public static class AdminEndpoints
{
    public static void AddAdmin(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<GetHallSetup>();
        s.AddScoped<CreateHall>();
        s.AddScoped<UpdateHall>();
        s.AddScoped<CreateDepartment>();
        s.AddScoped<UpdateDepartment>();
        s.AddScoped<CreateCounter>();
        s.AddScoped<UpdateCounter>();
        s.AddScoped<CreateServiceItem>();
        s.AddScoped<UpdateServiceItem>();
        s.AddScoped<ListUsers>();
        s.AddScoped<CreateUser>();
        s.AddScoped<UpdateUser>();
        s.AddScoped<SetUserPassword>();
        s.AddScoped<LockUser>();
    }

    public static void MapAdminEndpoints(this WebApplication app)
    {
        var admin = app.MapGroup("/api/admin").WithTags("Admin")
            .RequireAuthorization(IdentitySetup.AdminPolicy).RequireHall()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        admin.MapGet("/halls", (GetHallSetup get, CancellationToken ct) => get.ListAsync(ct)).WithName("AdminListHalls");
        admin.MapPost("/halls", async (HallRequest request, CreateHall create, CancellationToken ct) =>
        {
            var hall = await create.HandleAsync(request, ct);
            return TypedResults.Created($"/api/admin/halls/{hall.Id}", hall);
        }).WithName("CreateHall");
        admin.MapGet("/halls/{hallId:guid}", (Guid hallId, GetHallSetup get, CancellationToken ct) => get.HandleAsync(hallId, ct))
            .WithName("GetHallSetup");
        admin.MapPut("/halls/{hallId:guid}", (Guid hallId, HallRequest request, UpdateHall update, CancellationToken ct) =>
            update.HandleAsync(hallId, request, ct)).WithName("UpdateHall");

        admin.MapPost("/halls/{hallId:guid}/departments", async (Guid hallId, DepartmentRequest request, CreateDepartment create,
            CancellationToken ct) => Created("departments", await create.HandleAsync(hallId, request, ct), d => d.Id)).WithName("CreateDepartment");
        admin.MapPut("/departments/{departmentId:guid}", (Guid departmentId, DepartmentRequest request, UpdateDepartment update,
            CancellationToken ct) => update.HandleAsync(departmentId, request, ct)).WithName("UpdateDepartment");

        admin.MapPost("/halls/{hallId:guid}/counters", async (Guid hallId, CounterRequest request, CreateCounter create,
            CancellationToken ct) => Created("counters", await create.HandleAsync(hallId, request, ct), c => c.Id)).WithName("CreateCounter");
        admin.MapPut("/counters/{counterId:guid}", (Guid counterId, CounterRequest request, UpdateCounter update,
            CancellationToken ct) => update.HandleAsync(counterId, request, ct)).WithName("UpdateCounter");

        admin.MapPost("/halls/{hallId:guid}/service-items", async (Guid hallId, ServiceItemRequest request, CreateServiceItem create,
            CancellationToken ct) => Created("service-items", await create.HandleAsync(hallId, request, ct), i => i.Id)).WithName("CreateServiceItem");
        admin.MapPut("/service-items/{itemId:guid}", (Guid itemId, ServiceItemRequest request, UpdateServiceItem update,
            CancellationToken ct) => update.HandleAsync(itemId, request, ct)).WithName("UpdateServiceItem");

        admin.MapGet("/users", (Guid? hallId, ListUsers list, CancellationToken ct) => list.HandleAsync(hallId, ct)).WithName("ListUsers");
        admin.MapPost("/users", async (CreateUserRequest request, CreateUser create, CancellationToken ct) =>
            Created("users", await create.HandleAsync(request, ct), u => u.Id)).WithName("CreateUser");
        admin.MapPut("/users/{userId:guid}", (Guid userId, UpdateUserRequest request, UpdateUser update, HttpContext http,
            CancellationToken ct) => update.HandleAsync(userId, request, http.User.UserId(), ct)).WithName("UpdateUser");
        admin.MapPost("/users/{userId:guid}/password", async (Guid userId, SetPasswordRequest request, SetUserPassword set,
            CancellationToken ct) =>
        {
            await set.HandleAsync(userId, request, ct);
            return TypedResults.NoContent();
        }).WithName("SetUserPassword");
        admin.MapPost("/users/{userId:guid}/lock", (Guid userId, LockUser lockUser, HttpContext http, CancellationToken ct) =>
            lockUser.HandleAsync(userId, locked: true, http.User.UserId(), ct)).WithName("LockUser");
        admin.MapPost("/users/{userId:guid}/unlock", (Guid userId, LockUser lockUser, HttpContext http, CancellationToken ct) =>
            lockUser.HandleAsync(userId, locked: false, http.User.UserId(), ct)).WithName("UnlockUser");
    }

    private static Created<T> Created<T>(string collection, T value, Func<T, Guid> id) =>
        TypedResults.Created($"/api/admin/{collection}/{id(value)}", value);
}
