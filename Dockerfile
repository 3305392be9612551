# HyperVSim CLI as a container image, for batch engines (docs/studies.md "On a batch engine").
#   docker build -t hypervsim .
#   docker run --rm -v "$PWD:/work" -w /work hypervsim run scenarios/quickstart.yaml
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/HyperVSim.Cli -c Release -o /app

FROM mcr.microsoft.com/dotnet/runtime:10.0
WORKDIR /work
COPY --from=build /app /app
ENTRYPOINT ["dotnet", "/app/hypervsim.dll"]
