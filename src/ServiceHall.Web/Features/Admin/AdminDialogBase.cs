using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using ServiceHall.Core;
using ServiceHall.Web.Localization;

namespace ServiceHall.Web.Features.Admin;

/// <summary>
/// What every settings dialog shares: its form, running the use case in a scope of its own, and a
/// refusal shown in the dialog (which stays open) in the page's language, with the field it names.
/// </summary>
public abstract class AdminDialogBase : ComponentBase
{
    [CascadingParameter]
    protected IMudDialogInstance Dialog { get; set; } = null!;

    [Inject]
    protected IServiceScopeFactory Scopes { get; set; } = null!;

    [Inject]
    protected IStringLocalizer<AdminResource> T { get; set; } = null!;

    [Inject]
    protected IStringLocalizer<SharedResource> Errors { get; set; } = null!;

    protected MudForm? Form { get; set; }
    protected string? Error { get; private set; }
    protected string? ErrorField { get; private set; }
    protected bool Saving { get; private set; }

    protected string RequiredText => T["Required"];

    /// <summary>The server's error for a field, shown under it; client-side rules run first.</summary>
    protected bool HasError(string field) => ErrorField == field;

    protected void Cancel() => Dialog.Cancel();

    protected async Task SaveAsync<TResult>(Func<IServiceProvider, Task<TResult>> action)
    {
        if (Form is not null)
        {
            await Form.ValidateAsync();
            if (!Form.IsValid)
                return;
        }
        Saving = true;
        Error = null;
        ErrorField = null;
        try
        {
            await using var scope = Scopes.CreateAsyncScope();
            var result = await action(scope.ServiceProvider);
            Dialog.Close(DialogResult.Ok(result));
        }
        catch (DomainException e)
        {
            ErrorField = e.Field;
            Error = Describe(e);
        }
        finally
        {
            Saving = false;
        }
    }

    /// <summary>The refusal's message; a field name among its arguments becomes the field's label.</summary>
    private string Describe(DomainException e)
    {
        // The dialog's own label first (it names the field as the form does), then the shared one.
        var args = e.Args.Select(a => a is string field && field == e.Field && T[$"Field_{field}"] is { ResourceNotFound: false } label
            ? label.Value : a).ToArray();
        return Errors[$"Error_{e.Code}", DomainMessages.Arguments(Errors, new DomainException(e.Kind, e.Code, args) { Field = e.Field })];
    }
}
