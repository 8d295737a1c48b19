# A runner node: `pcdarts-runner run` joins the Hangfire queues named by PcDarts__Runner__Queues.
# CPU (default):  docker build -f docker/runner.Dockerfile -t pcdarts-runner .
# CUDA:           docker build -f docker/runner.Dockerfile --build-arg TORCH_BACKEND=cuda -t pcdarts-runner-gpu .
# The CUDA variant runs on NVIDIA's CUDA 12.8 runtime image (Ubuntu 24.04, libstdc++ with GLIBCXX_3.4.33): TorchSharp's
# native library loads there unpatched; the Debian 12 workaround (build/WeakenGlibcxxVersion.targets) is only for
# Debian 12 hosts. The CPU variant is .NET's runtime image, Ubuntu 24.04 too.
ARG TORCH_BACKEND=cpu
ARG CPU_BASE=mcr.microsoft.com/dotnet/runtime:10.0
ARG CUDA_BASE=nvidia/cuda:12.8.1-cudnn-runtime-ubuntu24.04

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TORCH_BACKEND
WORKDIR /src
COPY . .
RUN dotnet publish src/SearchRunner -c Release -p:TorchBackend=${TORCH_BACKEND} -o /app

FROM mcr.microsoft.com/dotnet/runtime:10.0 AS dotnet

FROM ${CPU_BASE} AS base-cpu

# NVIDIA's image has no .NET: take the runtime from .NET's own image (Ubuntu's archive has no .NET 10 for 24.04), with
# the few libraries it loads, and the same unprivileged user as .NET's images (uid 1654).
FROM ${CUDA_BASE} AS base-cuda
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates libssl3t64 zlib1g \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --gid 1654 app && useradd --uid 1654 --gid 1654 --no-create-home --shell /usr/sbin/nologin app
COPY --from=dotnet /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
ENV APP_UID=1654 \
    NVIDIA_VISIBLE_DEVICES=all \
    NVIDIA_DRIVER_CAPABILITIES=compute,utility

FROM base-${TORCH_BACKEND}
WORKDIR /app
COPY --from=build /app .
# The data sets are mounted at /data (read-only); the liveness file lives in /tmp, which the unprivileged user owns.
ENV PcDarts__Runner__Queues=cpu \
    PcDarts__Runner__Workers=1 \
    PcDarts__DataRoot=/data \
    PcDarts__Runner__LivenessFile=/tmp/pcdarts-runner.alive \
    OMP_WAIT_POLICY=PASSIVE
USER 1654
# The Generic Host stops on SIGTERM and hands a running job back to the queue: give it time (compose: stop_grace_period).
ENTRYPOINT ["dotnet", "pcdarts-runner.dll", "run"]
