#!/usr/bin/env bash
# Builds the six hosts' images from deploy/images/Dockerfile and tags each duban/<host>:<git sha> (and :latest),
# with whichever of docker, podman or buildah is installed.
#   deploy/images/build.sh [--engine docker|podman|buildah] [--registry REGISTRY/] [--push] [--dry-run] [HOST...]
# --registry prefixes every tag (e.g. registry.example.gov.cn/); --push pushes the sha tags after building;
# --dry-run prints the commands without running them. Pin the printed tag in deploy/k8s/kustomization.yaml (images:).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HOSTS_ALL=(units tasks reporting notifications portal gateway)
engine="" registry="" push=0 dry=0 hosts=()

die() { echo "build.sh: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
    case "$1" in
        --engine) engine="${2:?--engine needs docker, podman or buildah}"; shift 2 ;;
        --registry) registry="${2:?--registry needs a value}"; shift 2 ;;
        --push) push=1; shift ;;
        --dry-run) dry=1; shift ;;
        -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) die "unknown option $1 (see --help)" ;;
        *) hosts+=("$1"); shift ;;
    esac
done

[ ${#hosts[@]} -gt 0 ] || hosts=("${HOSTS_ALL[@]}")
for host in "${hosts[@]}"; do
    [[ " ${HOSTS_ALL[*]} " == *" $host "* ]] || die "unknown host '$host' (one of: ${HOSTS_ALL[*]})"
done

if [ -z "$engine" ]; then
    for candidate in docker podman buildah; do
        if command -v "$candidate" >/dev/null 2>&1; then engine="$candidate"; break; fi
    done
    [ -n "$engine" ] || { [ "$dry" = 1 ] && engine=docker; } || die "none of docker, podman or buildah is installed"
fi
case "$engine" in docker|podman|buildah) ;; *) die "unknown engine '$engine' (docker, podman or buildah)" ;; esac

sha="$(git -C "$REPO" rev-parse --short=12 HEAD 2>/dev/null)" || die "not a git checkout: the tag is the commit"
if [ -n "$(git -C "$REPO" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
    sha="$sha-dirty"
fi

run() {
    printf '+'; printf ' %q' "$@"; printf '\n'
    [ "$dry" = 1 ] || "$@"
}

for host in "${hosts[@]}"; do
    tag="${registry}duban/$host"
    if [ "$engine" = buildah ]; then
        run buildah bud --layers -f "$REPO/deploy/images/Dockerfile" --target "$host" -t "$tag:$sha" -t "$tag:latest" "$REPO"
    else
        run "$engine" build -f "$REPO/deploy/images/Dockerfile" --target "$host" -t "$tag:$sha" -t "$tag:latest" "$REPO"
    fi
    if [ "$push" = 1 ]; then
        run "$engine" push "$tag:$sha"
    fi
done
echo "built ${#hosts[@]} image(s) with $engine, tag $sha"
