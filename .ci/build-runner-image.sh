#!/usr/bin/env bash
# Builds the image `grade --sandbox docker` runs programs in (default tag socketlab/runner) without any registry:
# a root file system assembled from this machine's own files, imported with `docker import`. It holds
#   - the Java runtime whose `java` is on the PATH, copied to /opt/java, `java` on the PATH;
#   - Debian's python3 (/usr/bin/python3 and its standard library), not a pyenv shim;
#   - a shell and the few tools programs and the grader call (sleep for the network holder, setsid, env, ...);
#   - every shared library these need, found with ldd, at the paths the loader looks in, and the C.UTF-8 locale.
# Usage: .ci/build-runner-image.sh [TAG]   (DOCKER_HOST selects the engine, as for the docker CLI)
# Where a registry is reachable, grader/src/main/resources/io/socketlab/grader/sandbox/Dockerfile builds an
# equivalent image from eclipse-temurin:17-jdk.
set -euo pipefail

tag=${1:-socketlab/runner}
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

python=$(readlink -f /usr/bin/python3 2>/dev/null || true)
[ -x "$python" ] || { echo "Debian's python3 is needed (apt-get install python3): /usr/bin/python3 is missing" >&2; exit 1; }
java_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
[ -f "$java_home/lib/modules" ] || { echo "no Java runtime found at $java_home (from \`java\` on the PATH)" >&2; exit 1; }

# The merged-/usr layout of the host: /bin, /lib, /lib64, /sbin are links into /usr.
mkdir -p "$root/usr/bin" "$root/usr/lib" "$root/usr/lib64" "$root/usr/sbin" "$root/etc" "$root/tmp" "$root/opt/java"
for top in bin lib lib64 sbin; do ln -s "usr/$top" "$root/$top"; done
chmod 1777 "$root/tmp"

# Java: the runtime of that JDK, links followed (Debian's point into /etc), without what only compilers and readers
# need (jmods, headers, sources, manual pages).
tar -C "$java_home" -chf - --exclude=./jmods --exclude=./include --exclude=./man --exclude=./docs --exclude=./demo \
  --exclude=./lib/src.zip . | tar -C "$root/opt/java" -xf -
ln -s /opt/java/bin/java "$root/usr/bin/java"

# Python: the interpreter and its standard library (tests and caches left out).
version=$(basename "$python")
cp -L "$python" "$root/usr/bin/$version"
ln -s "$version" "$root/usr/bin/python3"
mkdir -p "$root/usr/lib/$version"
tar -C "/usr/lib/$version" --exclude=test --exclude=__pycache__ --exclude=idlelib --exclude=tkinter \
  --exclude=ensurepip -cf - . | tar -C "$root/usr/lib/$version" -xf -

# Tools: the shell and what manifests, the hostile self-checks and the network holder call.
for tool in sh dash bash cat cp dd echo env false head id kill ls mkdir mv printf ps rm setsid sleep tail true uname; do
  path=$(PATH=/usr/bin:/bin:/usr/sbin:/sbin command -v "$tool" || true)
  [ -n "$path" ] && [ -x "$path" ] && cp -L "$path" "$root/usr/bin/$tool"
done

# Libraries: what ldd says every executable and shared object needs, under the directory the loader searches
# (the host's canonical one) and the name it asks for (the soname), with the resolved file's content.
declare -A copied=()
while IFS= read -r elf; do
  while IFS= read -r lib; do
    [ -n "$lib" ] && [ -z "${copied[$lib]:-}" ] || continue
    copied[$lib]=1
    dest="$root$(readlink -f "$(dirname "$lib")")/$(basename "$lib")"
    mkdir -p "$(dirname "$dest")"
    [ -e "$dest" ] || cp -L "$lib" "$dest"
  done < <(ldd "$elf" 2>/dev/null | awk '/=> \// {print $3} $1 ~ /^\// {print $1}')
done < <(find "$root" -type f \( -perm -u+x -o -name '*.so*' \) -exec sh -c 'head -c 4 "$1" | grep -q ELF && echo "$1"' _ {} \;)

# The C.UTF-8 locale the grader gives every program (LANG, LC_ALL): without it a JVM decodes its arguments as ASCII.
if [ -d /usr/lib/locale/C.utf8 ]; then
  mkdir -p "$root/usr/lib/locale" && cp -r /usr/lib/locale/C.utf8 "$root/usr/lib/locale/"
fi

# Accounts: root and nobody; every program runs as a uid of its own, which needs no entry.
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' > "$root/etc/group"
printf '127.0.0.1 localhost\n::1 localhost\n' > "$root/etc/hosts"

tar -C "$root" -cf - . | docker import \
  -c 'ENV PATH=/usr/local/bin:/usr/bin:/bin:/opt/java/bin' -c 'ENV LANG=C.UTF-8' \
  -m "socketlab runner: $("$root/opt/java/bin/java" -version 2>&1 | head -1), $("$python" --version)" - "$tag" >/dev/null
docker run --rm --network none "$tag" sh -c 'java -version 2>&1 | head -1; python3 --version' \
  | sed "s|^|$tag: |"
