# The API host: REST, SignalR hub, dashboard, Hangfire client. Runners are separate containers (runner.Dockerfile).
# Build from the repository root: docker build -f docker/api.Dockerfile -t pcdarts-api .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Api -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    PcDarts__EmbeddedRunner=false
EXPOSE 8080
ENTRYPOINT ["dotnet", "PcDarts.Api.dll"]
