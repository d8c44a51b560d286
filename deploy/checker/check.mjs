#!/usr/bin/env node
// Checks the deployment files offline (ctest runs it, tests/CMakeLists.txt):
//
//   node check.mjs overlays    render every deploy/k8s/overlays/* with `kubectl kustomize`, validate
//                              every object against the Kubernetes schemas (kubernetes-models) and
//                              assert socgov's rules; exit 77 (skipped) when kubectl is missing
//   node check.mjs files       the same schema check and rules for the plain object files of base/
//                              and components/ (runs where kubectl does not, e.g. a fresh Debian 12),
//                              and services/services.json against base/ (a folder per service)
//   node check.mjs dockerfile  deploy/Dockerfile: Debian 12 stages, a non-root USER, no build tools
//                              in the runtime stage, the build stage installs tools/dev's packages
//
// Exit codes: 0 pass, 1 violations (each printed), 77 skipped (ctest SKIP_RETURN_CODE).
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

import { rules, checkOverlayTopology } from "./rules.mjs";

const SKIP = 77;
const here = dirname(fileURLToPath(import.meta.url));
const deployDir = join(here, "..");
const repoDir = join(deployDir, "..");
const k8sDir = join(deployDir, "k8s");

async function loadLibraries() {
  try {
    const yaml = await import("yaml");
    return { yaml };
  } catch {
    console.log(`SKIP: ${here}/node_modules is missing; run tools/dev setup (npm ci in deploy/checker)`);
    process.exit(SKIP);
  }
}

// kubernetes-models module for an apiVersion: "apps/v1" → kubernetes-models/apps/v1, "v1" → /v1.
async function modelClass(apiVersion, kind) {
  try {
    const mod = await import(`kubernetes-models/${apiVersion}`);
    return mod[kind];
  } catch {
    return undefined;
  }
}

async function validateSchemas(objects, problems) {
  for (const { obj, where } of objects) {
    const Kind = await modelClass(obj.apiVersion, obj.kind);
    if (!Kind) {
      problems.push(`${where}: no schema for ${obj.apiVersion} ${obj.kind}`);
      continue;
    }
    try {
      new Kind(obj).validate();
    } catch (e) {
      problems.push(`${where}: ${obj.kind}/${obj.metadata?.name}: schema: ${e.message}`);
    }
  }
}

function parseDocuments(yaml, text, where) {
  return yaml
    .parseAllDocuments(text)
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(`${where}: ${doc.errors[0].message}`);
      return doc.toJS();
    })
    .filter((obj) => obj && typeof obj === "object")
    .map((obj) => ({ obj, where: `${where} ${obj.kind}/${obj.metadata?.name}` }));
}

function report(what, problems, count, noun = "object(s)") {
  if (problems.length > 0) {
    for (const p of problems) console.log(`FAIL ${p}`);
    console.log(`${what}: ${problems.length} problem(s)`);
    process.exit(1);
  }
  console.log(`${what}: ${count} ${noun} pass`);
}

// kubectl's client version and the kustomize version it embeds ([major, minor], or null when it
// reports none); null without a kubectl. Components need kustomize >= 3.7; Debian 12's
// kubernetes-client (kubectl 1.20) embeds 2.0.3 and does not report it.
function kubectlVersions() {
  let info;
  try {
    const out = execFileSync("kubectl", ["version", "--client", "-o", "json"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    info = JSON.parse(out);
  } catch {
    return null;
  }
  const m = /v(\d+)\.(\d+)/.exec(info.kustomizeVersion ?? "");
  return { kubectl: info.clientVersion?.gitVersion ?? "?", kustomize: m ? [Number(m[1]), Number(m[2])] : null };
}

async function checkOverlays() {
  const { yaml } = await loadLibraries();
  const versions = kubectlVersions();
  const unrendered = "overlays not rendered (deploy.files still checks base/ and components/)";
  if (!versions) {
    console.log(`SKIP: kubectl is not installed; ${unrendered}`);
    process.exit(SKIP);
  }
  if (!versions.kustomize || versions.kustomize[0] < 4) {
    const k = versions.kustomize ? `v${versions.kustomize.join(".")}` : "an old kustomize";
    console.log(`SKIP: kubectl ${versions.kubectl} embeds ${k}, which lacks components (v4+ needed); ${unrendered}`);
    process.exit(SKIP);
  }
  const overlaysDir = join(k8sDir, "overlays");
  const overlays = readdirSync(overlaysDir).filter((d) => statSync(join(overlaysDir, d)).isDirectory());
  const problems = [];
  const rendered = {};
  let count = 0;
  for (const name of overlays) {
    let text;
    try {
      text = execFileSync("kubectl", ["kustomize", join(overlaysDir, name)], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      });
    } catch (e) {
      problems.push(`overlays/${name}: kubectl kustomize failed: ${e.stderr || e.message}`);
      continue;
    }
    const objects = parseDocuments(yaml, text, `overlays/${name}`);
    count += objects.length;
    rendered[name] = objects.map((o) => o.obj);
    await validateSchemas(objects, problems);
    problems.push(...rules(objects.map((o) => o.obj), { where: `overlays/${name}`, rendered: true }));
    problems.push(...requiredSecretsDocumented(objects.map((o) => o.obj), name));
  }
  problems.push(...checkOverlayTopology(rendered));
  report(`${overlays.length} overlays rendered`, problems, count);
}

// Every Secret and key the manifests read must appear in the runbook, which says how to create it.
function requiredSecretsDocumented(objects, overlay) {
  const readme = readFileSync(join(deployDir, "README.md"), "utf8");
  const problems = [];
  const seen = new Set();
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object") return;
    if (node.secretKeyRef) seen.add(`${node.secretKeyRef.name} ${node.secretKeyRef.key}`);
    if (node.secret?.secretName) seen.add(`${node.secret.secretName} *`);
    Object.values(node).forEach(visit);
  };
  objects.forEach(visit);
  for (const ref of seen) {
    const [name, key] = ref.split(" ");
    if (!readme.includes(name) || (key !== "*" && !readme.includes(key))) {
      problems.push(`overlays/${overlay}: Secret ${name} (key ${key}) is not explained in deploy/README.md`);
    }
  }
  return problems;
}

function yamlFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...yamlFiles(path));
    else if (/\.ya?ml$/.test(entry) && !/^kustomization\.ya?ml$/.test(entry)) out.push(path);
  }
  return out.sort();
}

async function checkFiles() {
  const { yaml } = await loadLibraries();
  const problems = [];
  const objects = [];
  for (const dir of ["base", "components"]) {
    for (const file of yamlFiles(join(k8sDir, dir))) {
      objects.push(...parseDocuments(yaml, readFileSync(file, "utf8"), relative(k8sDir, file)));
    }
  }
  await validateSchemas(objects, problems);
  problems.push(...rules(objects.map((o) => o.obj), { where: "base+components", rendered: false }));
  problems.push(...manifestProblems(yaml));
  report("base and component files", problems, objects.length);
}

// services/services.json against base/: each service has a folder base/<name>/ listed in
// base/kustomization.yaml whose values.yaml names it; components/service runs socgov-<name>; a
// service's stream is its name's (socgov-streams) and base/common's SOCGOV_CONTEXTS provisions it.
function manifestProblems(yaml) {
  const problems = [];
  const at = "services/services.json";
  const services = JSON.parse(readFileSync(join(repoDir, "services", "services.json"), "utf8")).services;
  const readYaml = (...parts) => yaml.parse(readFileSync(join(k8sDir, ...parts), "utf8"));
  const listed = readYaml("base", "kustomization.yaml").resources ?? [];
  const common = readYaml("base", "common", "kustomization.yaml").configMapGenerator ?? [];
  const literals = common.find((g) => g.name === "socgov-config")?.literals ?? [];
  const contexts = (literals.find((l) => l.startsWith("SOCGOV_CONTEXTS=")) ?? "=").split("=")[1].split(",");
  for (const s of services) {
    const where = `${at}: ${s.name}`;
    if (s.binary.split("/").at(-1) !== `socgov-${s.name}`) problems.push(`${where}: binary must be .../socgov-${s.name}`);
    if (!listed.includes(s.name)) problems.push(`${where}: not listed in deploy/k8s/base/kustomization.yaml`);
    if (!existsSync(join(k8sDir, "base", s.name, "values.yaml"))) {
      problems.push(`${where}: deploy/k8s/base/${s.name}/values.yaml is missing`);
    } else if (readYaml("base", s.name, "values.yaml").data?.name !== s.name) {
      problems.push(`${where}: deploy/k8s/base/${s.name}/values.yaml does not name ${s.name}`);
    }
    if (s.publishes) {
      if (s.publishes !== s.name.toUpperCase().replaceAll("-", "_")) {
        problems.push(`${where}: publishes ${s.publishes}, but socgov-streams names its stream after the service`);
      }
      if (!contexts.includes(s.name)) problems.push(`${where}: base/common SOCGOV_CONTEXTS lacks ${s.name}`);
    }
  }
  const names = new Set(services.map((s) => s.name));
  for (const dir of listed) {
    if (existsSync(join(k8sDir, "base", dir, "values.yaml")) && !names.has(dir)) {
      problems.push(`deploy/k8s/base/${dir}: a service folder with no entry in ${at}`);
    }
  }
  return problems;
}

// ---- Dockerfile ----------------------------------------------------------------------------------

// Instructions with continuation lines joined and comments dropped.
function dockerInstructions(text) {
  const out = [];
  let current = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (current === "" && (line === "" || line.startsWith("#"))) continue;
    if (line.startsWith("#")) continue;
    if (line.endsWith("\\")) {
      current += line.slice(0, -1) + " ";
      continue;
    }
    current += line;
    const m = /^(\S+)\s*(.*)$/s.exec(current);
    out.push({ op: m[1].toUpperCase(), args: m[2].trim() });
    current = "";
  }
  return out;
}

function stagesOf(instructions) {
  const stages = [];
  for (const ins of instructions) {
    if (ins.op === "FROM") {
      const [image, , alias] = ins.args.split(/\s+/);
      stages.push({ image, alias, instructions: [] });
    } else if (stages.length > 0) {
      stages.at(-1).instructions.push(ins);
    }
  }
  return stages;
}

// Packages named by apt-get install in a stage's RUN instructions.
function aptPackages(stage) {
  const packages = new Set();
  for (const ins of stage.instructions) {
    if (ins.op !== "RUN") continue;
    for (const cmd of ins.args.split(/&&|;/)) {
      const m = /apt-get\s+install\s+(.*)$/.exec(cmd.trim());
      if (!m) continue;
      for (const word of m[1].split(/\s+/)) {
        if (word && !word.startsWith("-") && !word.includes("=")) packages.add(word);
      }
    }
  }
  return packages;
}

// tools/dev's PACKAGES array.
function devPackages() {
  const text = readFileSync(join(repoDir, "tools", "dev"), "utf8");
  const m = /^PACKAGES=\(([\s\S]*?)^\)/m.exec(text);
  if (!m) throw new Error("tools/dev: PACKAGES=( ... ) not found");
  return m[1]
    .split("\n")
    .map((l) => l.replace(/#.*/, ""))
    .join(" ")
    .split(/\s+/)
    .filter(Boolean);
}

const BUILD_TOOLS = /^(g\+\+|gcc|clang|cmake|ninja-build|make|ccache|git|pkg-config|protobuf-compiler(-grpc)?|.*-dev)$/;
// Packages tools/dev installs for running tests, fetching things or reading services/services.json in
// bash, not for building the image.
const NOT_FOR_IMAGE_BUILD = new Set(["redis-server", "nats-server", "curl", "jq", "nodejs", "npm"]);

function checkDockerfile() {
  const path = join(deployDir, "Dockerfile");
  const problems = [];
  const stages = stagesOf(dockerInstructions(readFileSync(path, "utf8")));
  if (stages.length < 2) problems.push("Dockerfile: expected a build stage and a runtime stage");
  for (const s of stages) {
    if (!/^debian:(12|bookworm)([.-][\w.-]*)?$/.test(s.image) && !stages.some((o) => o.alias === s.image)) {
      problems.push(`Dockerfile: FROM ${s.image}: stages must be Debian 12 (debian:12-slim, debian:bookworm-…)`);
    }
  }
  const runtime = stages.at(-1);
  const build = stages.find((s) => aptPackages(s).has("cmake"));
  if (runtime) {
    const users = runtime.instructions.filter((i) => i.op === "USER").map((i) => i.args.split(":")[0]);
    const user = users.at(-1);
    if (!user) problems.push("Dockerfile: the runtime stage sets no USER (it would run as root)");
    else if (user === "root" || user === "0") problems.push(`Dockerfile: runtime USER ${user} is root`);
    for (const pkg of aptPackages(runtime)) {
      if (BUILD_TOOLS.test(pkg)) problems.push(`Dockerfile: the runtime stage installs build tool ${pkg}`);
    }
    if (!runtime.instructions.some((i) => i.op === "COPY" && /--from=/.test(i.args))) {
      problems.push("Dockerfile: the runtime stage copies nothing from the build stage");
    }
    if (runtime.instructions.some((i) => i.op === "ENTRYPOINT")) {
      problems.push("Dockerfile: no ENTRYPOINT: the container command chooses the binary");
    }
  }
  if (!build) {
    problems.push("Dockerfile: no build stage installs cmake");
  } else {
    const have = aptPackages(build);
    for (const pkg of devPackages()) {
      if (!NOT_FOR_IMAGE_BUILD.has(pkg) && !have.has(pkg)) {
        problems.push(`Dockerfile: the build stage lacks ${pkg}, which tools/dev installs`);
      }
    }
  }
  report("Dockerfile", problems, stages.length, "stage(s)");
}

const mode = process.argv[2];
if (mode === "overlays") await checkOverlays();
else if (mode === "files") await checkFiles();
else if (mode === "dockerfile") checkDockerfile();
else {
  console.error("usage: node check.mjs overlays|files|dockerfile");
  process.exit(2);
}
