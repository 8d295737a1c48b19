# A runner node: `pcdarts-runner run` joins the Hangfire queues named by PCDARTS_QUEUES.
# CPU (default):  docker build -f docker/runner.Dockerfile -t pcdarts-runner .
# CUDA:           docker build -f docker/runner.Dockerfile --build-arg TORCH_BACKEND=cuda \
#                   --build-arg RUNTIME_BASE=nvidia/cuda:12.8.1-cudnn-runtime-ubuntu24.04 -t pcdarts-runner-gpu .
ARG RUNTIME_BASE=mcr.microsoft.com/dotnet/runtime:10.0

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TORCH_BACKEND=cpu
WORKDIR /src
COPY . .
RUN dotnet publish src/SearchRunner -c Release -p:TorchBackend=${TORCH_BACKEND} -o /app

FROM ${RUNTIME_BASE}
# The CUDA base has no .NET: install the runtime from Ubuntu's archive (a no-op on the .NET base).
RUN if ! command -v dotnet >/dev/null; then \
      apt-get update && apt-get install -y --no-install-recommends dotnet-runtime-10.0 && rm -rf /var/lib/apt/lists/*; \
    fi
WORKDIR /app
COPY --from=build /app .
ENV PCDARTS_QUEUES=cpu \
    PCDARTS_WORKERS=1
ENTRYPOINT ["sh", "-c", "exec dotnet pcdarts-runner.dll run --queues \"$PCDARTS_QUEUES\" --workers \"$PCDARTS_WORKERS\" --name \"${PCDARTS_RUNNER_NAME:-$(hostname)}\""]
