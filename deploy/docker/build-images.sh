#!/usr/bin/env bash
# Builds and tags the three service images and the web console's: ./deploy/docker/build-images.sh [tag] [registry]
# Tags: the release version (default: the Maven project version) and the commit; push with docker push.
set -euo pipefail
cd "$(dirname "$0")/../.."
tag=${1:-$(./mvnw -q help:evaluate -Dexpression=project.version -DforceStdout)}
registry=${2:-jixiao}
commit=$(git rev-parse --short HEAD)
./mvnw -B -q package -DskipTests
for service in budget-service indicator-service report-service web-console; do
  docker build -f deploy/docker/Dockerfile.jvm --build-arg SERVICE="$service" \
    -t "$registry/$service:$tag" -t "$registry/$service:$commit" .
done
