# syntax=docker/dockerfile:1
# DrillBot's container image. From the repository root:
#   docker build -t registry.example.com/drillbot:0.1.0 .
# Multi-stage: the SDK image restores and publishes; the runtime image (ASP.NET Core, no SDK) runs
# the published `drillbot` apphost as the image's non-root user `app`. Nothing secret is baked in:
# Slack tokens, the API token, the database and the kubeconfig come from the environment at run time
# (the Helm chart mounts them from Secrets). .ci/publish-check.sh runs this file's restore and
# publish commands outside Docker.

# The SDK must satisfy global.json (10.0.401 or a later feature band).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files only, so the package layer is cached across source edits.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Drills/Drills.csproj src/Drills/
COPY src/Lab/Lab.csproj src/Lab/
COPY src/DrillBot/DrillBot.csproj src/DrillBot/
RUN dotnet restore src/DrillBot
# drills.yaml is embedded into the executable as the bundled default.
COPY drills.yaml ./
COPY src/ src/
RUN dotnet publish src/DrillBot -c Release -o /app --no-restore

# Debian/Ubuntu-based ASP.NET Core runtime: it has tzdata, which the drills' time zones need (drillbot runs with
# InvariantGlobalization, so ICU is not needed; a chiseled image would still need tzdata).
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The default SQLite store lives in ./data; the chart mounts a volume here (the root filesystem is
# read-only in the cluster).
RUN mkdir -p /app/data && chown "$APP_UID:$APP_UID" /app/data
USER $APP_UID
# glibc keeps up to 8 malloc arenas per core; the service's native allocations are small: ~3 MB less idle RSS
ENV MALLOC_ARENA_MAX=2
EXPOSE 8080
ENTRYPOINT ["./drillbot"]
CMD ["serve", "--urls", "http://0.0.0.0:8080"]
