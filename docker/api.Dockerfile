# The API host: REST, SignalR hub, dashboard, Hangfire client and dashboard; `migrate` applies the schema and exits.
# No LibTorch: published with TorchBackend=none, so its embedded runner is off (PcDarts__EmbeddedRunner=true fails at
# start). Experiments run on runner containers (runner.Dockerfile).
# Build from the repository root: docker build -f docker/api.Dockerfile -t pcdarts-api .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Api -c Release -p:TorchBackend=none -o /app

# .NET 10's images are Ubuntu 24.04: nothing here needs the Debian 12 glibc workaround (build/WeakenGlibcxxVersion.targets).
FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# curl-free health check: the probe is a bash /dev/tcp request (see compose.yaml), so the image stays minimal.
ENV ASPNETCORE_URLS=http://+:8080 \
    PcDarts__EmbeddedRunner=false \
    PcDarts__WelcomeSearch=false
EXPOSE 8080
# The image's own unprivileged user (uid 1654).
USER $APP_UID
ENTRYPOINT ["dotnet", "PcDarts.Api.dll"]
