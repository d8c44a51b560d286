// socgov's rules for the Kubernetes objects of one overlay (or of the plain base/component files).
// Each function returns a list of problems ("where: what"); an empty list passes.

const WORKLOAD_KINDS = new Set(["Deployment", "StatefulSet", "Job"]);

function podSpecOf(obj) {
  return obj.spec?.template?.spec;
}

function podLabelsOf(obj) {
  return obj.spec?.template?.metadata?.labels ?? {};
}

// A matchLabels selector (all we use) selects labels when every pair is present.
function selects(selector, labels) {
  if (!selector) return false;
  if (selector.matchExpressions?.length) return false;
  return Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
}

function imageProblems(image) {
  if (!image) return "has no image";
  if (image.includes("@sha256:")) return null;
  const lastPart = image.split("/").at(-1);
  if (!lastPart.includes(":")) return `image ${image} has no tag`;
  if (lastPart.endsWith(":latest")) return `image ${image} uses the latest tag`;
  return null;
}

function containerProblems(c, podSecurity, where) {
  const out = [];
  const at = `${where} container ${c.name}`;
  const img = imageProblems(c.image);
  if (img) out.push(`${at}: ${img}`);
  for (const kind of ["requests", "limits"]) {
    for (const res of ["cpu", "memory"]) {
      if (!c.resources?.[kind]?.[res]) out.push(`${at}: resources.${kind}.${res} missing`);
    }
  }
  const sc = c.securityContext ?? {};
  if (sc.allowPrivilegeEscalation !== false) out.push(`${at}: allowPrivilegeEscalation must be false`);
  if (sc.readOnlyRootFilesystem !== true) out.push(`${at}: readOnlyRootFilesystem must be true`);
  if (sc.privileged === true) out.push(`${at}: privileged`);
  if (!(sc.capabilities?.drop ?? []).includes("ALL")) out.push(`${at}: capabilities.drop must include ALL`);
  if (sc.capabilities?.add?.length) out.push(`${at}: adds capabilities ${sc.capabilities.add}`);
  const nonRoot = sc.runAsNonRoot ?? podSecurity.runAsNonRoot;
  if (nonRoot !== true) out.push(`${at}: runAsNonRoot must be true`);
  const user = sc.runAsUser ?? podSecurity.runAsUser;
  if (user === 0) out.push(`${at}: runs as uid 0`);
  const seccomp = sc.seccompProfile?.type ?? podSecurity.seccompProfile?.type;
  if (seccomp !== "RuntimeDefault") out.push(`${at}: seccompProfile must be RuntimeDefault`);
  return out;
}

// gRPC services: native gRPC probes on the health names the services serve (platform/grpcx).
function grpcProbeProblems(c, where) {
  const out = [];
  const want = { startupProbe: "liveness", livenessProbe: "liveness", readinessProbe: "readiness" };
  for (const [probe, service] of Object.entries(want)) {
    const p = c[probe];
    if (!p) out.push(`${where} container ${c.name}: ${probe} missing`);
    else if (!p.grpc) out.push(`${where} container ${c.name}: ${probe} must be a native grpc probe`);
    else if (p.grpc.service !== service) {
      out.push(`${where} container ${c.name}: ${probe} must ask for health service "${service}"`);
    }
  }
  return out;
}

function isDefaultDeny(np) {
  const s = np.spec ?? {};
  return (
    Object.keys(s.podSelector ?? {}).length === 0 &&
    (s.policyTypes ?? []).includes("Ingress") &&
    (s.policyTypes ?? []).includes("Egress") &&
    !(s.ingress?.length) &&
    !(s.egress?.length)
  );
}

export function rules(objects, { where, rendered }) {
  const problems = [];
  const byKind = (k) => objects.filter((o) => o.kind === k);
  const netpols = byKind("NetworkPolicy");
  const pdbs = byKind("PodDisruptionBudget");
  const services = byKind("Service");

  if (!netpols.some(isDefaultDeny)) problems.push(`${where}: no default-deny NetworkPolicy`);

  for (const obj of objects) {
    if (rendered && obj.kind !== "Namespace" && !obj.metadata?.namespace) {
      problems.push(`${where}: ${obj.kind}/${obj.metadata?.name} has no namespace`);
    }
    if (!WORKLOAD_KINDS.has(obj.kind)) continue;
    const at = `${where}: ${obj.kind}/${obj.metadata?.name}`;
    const pod = podSpecOf(obj);
    if (!pod) {
      problems.push(`${at}: no pod template`);
      continue;
    }
    const podSecurity = pod.securityContext ?? {};
    if (podSecurity.runAsNonRoot !== true) problems.push(`${at}: pod securityContext.runAsNonRoot must be true`);
    if (podSecurity.seccompProfile?.type !== "RuntimeDefault") {
      problems.push(`${at}: pod seccompProfile must be RuntimeDefault`);
    }
    if (pod.automountServiceAccountToken !== false) problems.push(`${at}: automountServiceAccountToken must be false`);
    if (!pod.serviceAccountName) problems.push(`${at}: no serviceAccountName`);
    if (pod.hostNetwork || pod.hostPID || pod.hostIPC) problems.push(`${at}: uses host namespaces`);
    for (const c of [...(pod.initContainers ?? []), ...(pod.containers ?? [])]) {
      problems.push(...containerProblems(c, podSecurity, at));
    }
    const labels = podLabelsOf(obj);
    if (!netpols.some((np) => !isDefaultDeny(np) && selects(np.spec?.podSelector, labels))) {
      problems.push(`${at}: no NetworkPolicy allows its traffic (only default-deny selects it)`);
    }
    if (obj.kind === "Deployment") {
      // The first container is the service; sidecars (if ever) need no gRPC probes.
      problems.push(...grpcProbeProblems(pod.containers[0], at));
      if (!pdbs.some((p) => selects(p.spec?.selector, labels))) problems.push(`${at}: no PodDisruptionBudget`);
      if (!services.some((s) => s.spec?.selector && Object.entries(s.spec.selector).every(([k, v]) => labels[k] === v))) {
        problems.push(`${at}: no Service selects it`);
      }
      if (!obj.spec?.selector || !selects(obj.spec.selector, labels)) problems.push(`${at}: selector does not match its pods`);
    }
    if (obj.kind === "StatefulSet") {
      for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
        if (!pod.containers[0][probe]) problems.push(`${at}: ${probe} missing`);
      }
      if (!obj.spec?.volumeClaimTemplates?.length) problems.push(`${at}: no volumeClaimTemplates (data must persist)`);
    }
  }
  // A policy that selects no pod allows nothing: usually a label that is not on the pod template.
  if (rendered) {
    const podLabels = objects.filter((o) => WORKLOAD_KINDS.has(o.kind)).map(podLabelsOf);
    for (const np of netpols) {
      if (!isDefaultDeny(np) && !podLabels.some((labels) => selects(np.spec?.podSelector, labels))) {
        problems.push(`${where}: NetworkPolicy/${np.metadata?.name} selects no pod`);
      }
    }
  }
  problems.push(...storeRules(objects, where));
  return problems;
}

function configMap(objects, prefix) {
  // Generated names carry a hash suffix in rendered output.
  return objects.find((o) => o.kind === "ConfigMap" && new RegExp(`^${prefix}(-[a-z0-9]{10})?$`).test(o.metadata?.name));
}

// Redis keeps records: AOF with fsync on every write, a password.
function storeRules(objects, where) {
  const problems = [];
  const redis = configMap(objects, "redis-config");
  if (redis) {
    const conf = redis.data?.["redis.conf"] ?? "";
    if (!/^appendonly yes$/m.test(conf)) problems.push(`${where}: redis.conf: appendonly yes missing`);
    if (!/^appendfsync always$/m.test(conf)) problems.push(`${where}: redis.conf: appendfsync always missing`);
  }
  const sts = objects.find((o) => o.kind === "StatefulSet" && o.metadata?.name === "redis");
  if (sts && !(sts.spec.template.spec.containers[0].args ?? []).includes("--requirepass")) {
    problems.push(`${where}: redis runs without --requirepass`);
  }
  return problems;
}

// Across the rendered overlays: each overlay's jurisdiction and JetStream domain follow its folder
// name, a district's NATS is a leaf node, the city's a hub that sources every district overlay.
export function checkOverlayTopology(rendered) {
  const problems = [];
  const districts = Object.keys(rendered).filter((n) => n.startsWith("district-"));
  for (const [name, objects] of Object.entries(rendered)) {
    const m = /^(city|district)-(\d{6})$/.exec(name);
    if (!m) {
      problems.push(`overlays/${name}: folder must be city-<code> or district-<code>`);
      continue;
    }
    const [, role, code] = m;
    const cfg = configMap(objects, "socgov-config")?.data ?? {};
    const nats = configMap(objects, "nats-config")?.data ?? {};
    const at = `overlays/${name}`;
    if (cfg.SOCGOV_JURISDICTION !== code) problems.push(`${at}: SOCGOV_JURISDICTION is ${cfg.SOCGOV_JURISDICTION}, not ${code}`);
    if (cfg.NATS_JS_DOMAIN !== `${role}-${code}`) problems.push(`${at}: NATS_JS_DOMAIN is ${cfg.NATS_JS_DOMAIN}, not ${role}-${code}`);
    if (objects.some((o) => o.metadata?.namespace && o.metadata.namespace !== `socgov-${code}`)) {
      problems.push(`${at}: objects outside namespace socgov-${code}`);
    }
    const leaf = nats["leafnodes.conf"] ?? "";
    if (role === "district") {
      if (!/remotes/.test(leaf)) problems.push(`${at}: nats leafnodes.conf has no remote to the city`);
      if (code.slice(4) === "00") problems.push(`${at}: ${code} is not a county-level code`);
    } else {
      if (!/authorization/.test(leaf)) problems.push(`${at}: nats leafnodes.conf is not a hub listener`);
      const sources = (cfg.SOCGOV_SOURCE_DOMAINS ?? "").split(",").filter(Boolean);
      for (const d of districts) {
        const dcode = d.slice("district-".length);
        if (dcode.slice(0, 4) === code.slice(0, 4) && !sources.includes(d)) {
          problems.push(`${at}: SOCGOV_SOURCE_DOMAINS lacks ${d}, whose overlay exists`);
        }
      }
      for (const s of sources) {
        if (!districts.includes(s)) problems.push(`${at}: sources ${s}, which has no overlay`);
      }
    }
  }
  return problems;
}
