# tools/lib/services.bash: services/services.json for bash; sourced by tools/dev and tools/topology
# (which define die). Needs jq (Debian package jq, in tools/dev's PACKAGES).
#
# load_services fills, one entry per service of the manifest:
#   SERVICES                names in start order: the manifest's order, each after the services it
#                           depends on (depends_on may name redis, nats and other services)
#   SVC_BIN[name]           binary, relative to the build dir
#   SVC_PROGRAM[name]       the binary's file name (its CMake target and what /proc/<pid>/cmdline shows)
#   SVC_GRPC_PORT[name]     SVC_METRICS_PORT[name]   ports of the single local stack (tools/dev up)
#   SVC_SLOT[name]          port slot of tools/topology (gRPC 50100 + 10 * slot + deployment index)
#   SVC_DEPS[name]          depends_on, space separated
#   SVC_PUBLISHES[name]     the stream it publishes ("" for none)
#   SVC_ENV[name]           extra KEY=VALUE settings of the local stacks, one per line
#   SVC_ADDR_ENV[name]      socgovctl's address variable (SOCGOV_<NAME>_ADDR)
# service_env_args <name>: prints SVC_ENV's lines, for mapfile.

SERVICES_MANIFEST=services/services.json
SERVICES=()
# shellcheck disable=SC2034  # read by the scripts that source this file
declare -A SVC_BIN=() SVC_PROGRAM=() SVC_GRPC_PORT=() SVC_METRICS_PORT=() SVC_SLOT=() SVC_DEPS=()
# shellcheck disable=SC2034
declare -A SVC_PUBLISHES=() SVC_ENV=() SVC_ADDR_ENV=()

load_services() {
  command -v jq >/dev/null || die "jq not found; run tools/dev setup (Debian package jq)"
  [[ -f $SERVICES_MANIFEST ]] || die "$SERVICES_MANIFEST not found"
  local assignments names=()
  # One jq call: bash assignments, each value quoted by @sh.
  assignments=$(jq -r '.services[] | .name as $n | ($n | @sh) as $k |
      "names+=(\($k))",
      "SVC_BIN[\($k)]=\(.binary | @sh)",
      "SVC_GRPC_PORT[\($k)]=\(.grpc_port | tostring | @sh)",
      "SVC_METRICS_PORT[\($k)]=\(.metrics_port | tostring | @sh)",
      "SVC_SLOT[\($k)]=\(.topology_slot | tostring | @sh)",
      "SVC_DEPS[\($k)]=\(.depends_on // [] | join(" ") | @sh)",
      "SVC_PUBLISHES[\($k)]=\(.publishes // "" | @sh)",
      "SVC_ENV[\($k)]=\(.env // {} | to_entries | map("\(.key)=\(.value)") | join("\n") | @sh)",
      "SVC_ADDR_ENV[\($k)]=\(.addr_env // "" | @sh)"' "$SERVICES_MANIFEST") ||
    die "$SERVICES_MANIFEST: jq could not read it"
  eval "$assignments"
  ((${#names[@]} > 0)) || die "$SERVICES_MANIFEST lists no service"

  local name dep port seen_ports=" " seen_slots=" "
  for name in "${names[@]}"; do
    [[ $name =~ ^[a-z][a-z0-9-]*$ ]] || die "$SERVICES_MANIFEST: bad service name '$name'"
    [[ -z ${SVC_PROGRAM[$name]:-} ]] || die "$SERVICES_MANIFEST: $name is listed twice"
    [[ -n ${SVC_BIN[$name]} && ${SVC_BIN[$name]} != null ]] || die "$SERVICES_MANIFEST: $name has no binary"
    SVC_PROGRAM[$name]=${SVC_BIN[$name]##*/}
    for port in "${SVC_GRPC_PORT[$name]}" "${SVC_METRICS_PORT[$name]}"; do
      [[ $port =~ ^[0-9]+$ ]] || die "$SERVICES_MANIFEST: $name: port '$port' is not a number"
      [[ $seen_ports != *" $port "* ]] || die "$SERVICES_MANIFEST: $name: port $port is taken"
      seen_ports+="$port "
    done
    [[ ${SVC_SLOT[$name]} =~ ^[0-9]$ ]] || die "$SERVICES_MANIFEST: $name: topology_slot must be 0..9"
    [[ $seen_slots != *" ${SVC_SLOT[$name]} "* ]] ||
      die "$SERVICES_MANIFEST: $name: topology_slot ${SVC_SLOT[$name]} is taken"
    seen_slots+="${SVC_SLOT[$name]} "
  done
  for name in "${names[@]}"; do
    for dep in ${SVC_DEPS[$name]}; do
      [[ $dep == redis || $dep == nats || -n ${SVC_PROGRAM[$dep]:-} ]] ||
        die "$SERVICES_MANIFEST: $name depends on unknown '$dep'"
    done
  done

  # Start order: repeatedly take, in manifest order, every service whose dependencies are placed.
  local -A placed=()
  local pending=("${names[@]}") rest ready
  SERVICES=()
  while ((${#pending[@]} > 0)); do
    rest=()
    for name in "${pending[@]}"; do
      ready=true
      for dep in ${SVC_DEPS[$name]}; do
        [[ $dep == redis || $dep == nats || -n ${placed[$dep]:-} ]] || ready=false
      done
      if [[ $ready == true ]]; then
        SERVICES+=("$name")
        placed[$name]=1
      else
        rest+=("$name")
      fi
    done
    ((${#rest[@]} < ${#pending[@]})) || die "$SERVICES_MANIFEST: dependency cycle among ${rest[*]}"
    pending=("${rest[@]}")
  done
}

service_env_args() {
  [[ -z ${SVC_ENV[$1]} ]] || printf '%s\n' "${SVC_ENV[$1]}"
}

# The services in reverse start order (dependents first), for stopping.
services_stop_order() {
  local i
  for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do printf '%s\n' "${SERVICES[i]}"; done
}
