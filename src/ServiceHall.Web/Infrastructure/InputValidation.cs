// The resolver hook of the framework's validation is marked for evaluation (ASP0029). It is the one place where
// every minimal-API endpoint's arguments can be reached without each feature adding a filter; should it change,
// the build breaks here and the input tests fail (docs/decisions/ADR-018-input-and-headers.md).
#pragma warning disable ASP0029
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Validation;
using Microsoft.OpenApi;
using ServiceHall.Core.Input;

namespace ServiceHall.Web.Infrastructure;

/// <summary>
/// Every endpoint's bound values go through <see cref="InputRules"/> before the handler runs, by the
/// framework's own validation filter (AddValidation) with our resolver first: no handler can forget it.
/// The refusal is a <see cref="Core.DomainException"/>, so it reads like every other 400 (code, field,
/// the request's language). The OpenAPI document states the same limits (maxLength) from the same rule.
/// </summary>
public static class InputValidation
{
    public static void AddInputValidation(this IServiceCollection services)
    {
        services.AddValidation();
        services.AddOptions<ValidationOptions>().Configure<IServiceProviderIsService>((o, isService) =>
            o.Resolvers.Insert(0, new RequestWalkerResolver(isService)));
    }

    private sealed class RequestWalkerResolver(IServiceProviderIsService services) : IValidatableInfoResolver
    {
        public bool TryGetValidatableTypeInfo(Type type, [NotNullWhen(true)] out IValidatableInfo? validatableInfo)
        {
            validatableInfo = null;
            return false;
        }

        public bool TryGetValidatableParameterInfo(ParameterInfo parameterInfo, [NotNullWhen(true)] out IValidatableInfo? validatableInfo)
        {
            validatableInfo = null;
            var type = parameterInfo.ParameterType;
            if (!InputRules.Covers(type) || services.IsService(type)
                || parameterInfo.GetCustomAttributes().Any(a => a is FromServicesAttribute or FromKeyedServicesAttribute))
                return false;
            // A body's fields are named from its root (questions[0].answer); a query or route value by its own name.
            var isBody = type != typeof(string) && Nullable.GetUnderlyingType(type) is null && !type.IsValueType;
            validatableInfo = new Walk(isBody && type.GetInterface("IEnumerable") is null ? "" : parameterInfo.Name ?? "",
                InputRules.LimitOf(parameterInfo));
            return true;
        }
    }

    private sealed class Walk(string path, TextAttribute limit) : IValidatableInfo
    {
        public Task ValidateAsync(object? value, ValidateContext context, CancellationToken cancellationToken)
        {
            InputRules.Check(value, path, limit);
            return Task.CompletedTask;
        }
    }

    /// <summary>States each text field's limit in the OpenAPI document: the same rule the walker enforces.</summary>
    public sealed class LimitsSchemaTransformer : IOpenApiSchemaTransformer
    {
        public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
        {
            if (context.JsonPropertyInfo?.AttributeProvider is PropertyInfo property && property.DeclaringType is { } owner
                && InputRules.Covers(owner))
                State(schema, property.PropertyType, InputRules.LimitOf(property));
            else if (context.ParameterDescription?.ParameterDescriptor is IParameterInfoParameterDescriptor { ParameterInfo: { } parameter })
                State(schema, parameter.ParameterType, InputRules.LimitOf(parameter));
            return Task.CompletedTask;
        }

        private static void State(OpenApiSchema schema, Type type, TextAttribute limit)
        {
            if (type == typeof(string))
                schema.MaxLength = limit.MaxLength;
            else if (type != typeof(string) && schema.Items is OpenApiSchema items && items.Type?.HasFlag(JsonSchemaType.String) == true
                     && type.GetInterfaces().Any(i => i == typeof(IEnumerable<string>)))
                items.MaxLength = limit.MaxLength;
        }
    }
}
