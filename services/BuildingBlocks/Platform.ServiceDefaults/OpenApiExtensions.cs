using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi.Models;

namespace Platform.ServiceDefaults;

public static class OpenApiExtensions
{
    /// <summary>
    /// An OpenAPI document of the service's REST surface, generated from the gRPC JSON transcoding annotations and
    /// served at /openapi/{name}.json; the gateway routes it and shows every service's document in one reference.
    /// </summary>
    public static WebApplicationBuilder AddPlatformOpenApi(
        this WebApplicationBuilder builder, string name, string title)
    {
        builder.Services.AddGrpcSwagger();
        builder.Services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc(name, new OpenApiInfo { Title = title, Version = "v1" });
            o.AddSecurityDefinition("bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A token from POST /connect/token.",
            });
            o.AddSecurityRequirement(new OpenApiSecurityRequirement
            {
                [new OpenApiSecurityScheme
                {
                    Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = "bearer" },
                }] = [],
            });
        });
        return builder;
    }

    public static WebApplication MapPlatformOpenApi(this WebApplication app)
    {
        app.UseSwagger(o => o.RouteTemplate = "openapi/{documentName}.json");
        return app;
    }
}
