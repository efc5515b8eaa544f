# MsgRelay node image. Multi-stage: the SDK builds and publishes, the ASP.NET runtime image (Kestrel
# serves admin HTTP) runs it as a non-root user that may still bind port 18.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Packages.props MsgRelay.sln ./
COPY src/ src/
RUN dotnet publish src/MsgRelay.Node/MsgRelay.Node.csproj -c Release -o /out

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# Port 18 is privileged; give the runtime host the one capability it needs instead of running as root.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libcap2-bin \
 && setcap cap_net_bind_service=+ep "$(readlink -f /usr/share/dotnet/dotnet)" \
 && apt-get purge -y libcap2-bin && apt-get autoremove -y && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /out ./
COPY config/ /etc/msgrelay/
# The aspnet image's unprivileged user.
USER app
# MSP and RWP (TCP and UDP), cluster remoting, admin HTTP.
EXPOSE 18/tcp 18/udp 2552/tcp 8018/tcp
ENTRYPOINT ["dotnet", "/app/msgrelay.dll"]
CMD ["serve", "--config", "/etc/msgrelay/node.conf"]
