#!/bin/sh
# Stands in for `mvn -q -B … dependency:copy-dependencies -DoutputDirectory=<dir>` with a warm cache: colour resets on
# stdout without a newline, and a jar in the output directory.
for arg in "$@"; do
  case "$arg" in -DoutputDirectory=*) out="${arg#-DoutputDirectory=}" ;; esac
done
printf '\033[0m\033[0m'
mkdir -p "$out" && : > "$out/kafka-fake.jar"
