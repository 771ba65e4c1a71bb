#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image (Ubuntu 22.04 base): a JDK 17, Maven,
# Python (for programs graded through a manifest) and bubblewrap (the sandbox), then one build of the course's
# template so that every Maven plugin and dependency a submission's build needs is cached for offline builds.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends openjdk-17-jdk-headless maven python3 bubblewrap ca-certificates > /dev/null
source_dir=$(cd "$(dirname "$0")" && pwd)
# A zip keeps no file modes: make the entry point executable wherever Gradescope put it.
chmod 755 "$source_dir/run_autograder"
if [ -f /autograder/run_autograder ]; then chmod 755 /autograder/run_autograder; fi
mvn -B -q -f "$source_dir/socketlab/pom.xml" package -DskipTests
rm -rf "$source_dir/socketlab/student-template/target"
