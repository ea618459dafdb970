#!/usr/bin/env bash
# Writes a descriptor set of every platform proto (imports included) for gRPC command-line clients:
#   tools/protoset.sh [OUT]   (default .local/platform.binpb)
#   buf curl --protocol grpc --http2-prior-knowledge --schema .local/platform.binpb ...
# Uses the protoc shipped in the Grpc.Tools package that the build restored.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$repo/.local/platform.binpb}"
packages="$(dotnet nuget locals global-packages -l | sed 's/^global-packages: //')"
version() { sed -n "s/.*Include=\"$1\" Version=\"\([^\"]*\)\".*/\1/p" "$repo/Directory.Packages.props"; }
tools="$packages/grpc.tools/$(version Grpc.Tools)"
common="$packages/google.api.commonprotos/$(version Google.Api.CommonProtos)/content/protos"
[ -d "$tools" ] && [ -d "$common" ] || { echo "restore the solution first (dotnet build Platform.sln)" >&2; exit 1; }
case "$(uname -m)" in aarch64) arch=linux_arm64 ;; *) arch=linux_x64 ;; esac
mkdir -p "$(dirname "$out")"
cd "$repo/contracts/protos"
# shellcheck disable=SC2046
"$tools/tools/$arch/protoc" -I . -I "$common" -I "$tools/build/native/include" \
  --include_imports --descriptor_set_out="$out" $(find . -name '*.proto' | sort)
echo "$out"
