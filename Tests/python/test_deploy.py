"""Validates the deployment files under Deploy/ (run by DeployFilesTests.swift with the
virtualenv .build/py-deploy that scripts/test.sh makes from requirements-deploy.txt).

- Kubernetes: every document of Deploy/kubernetes/**/*.yaml against the Kubernetes JSON
  schemas that kubernetes-validate carries (strict: unknown fields are errors), plus the
  shapes the files promise (StatefulSet probes and volumeClaimTemplate, Service ports,
  the sidecar, the prometheus.io annotations, pod discovery, the RBAC rules, the
  sharded collectors: SHARD from the pod index, --config.expand-env, modulus = replicas).
- Compose: Deploy/docker/compose.yaml against the Compose specification schema shipped
  in docker-compose 1.29.2 (compose/config/compose_spec.json), plus every mounted file
  existing and every sidecar sharing its app's network namespace.
- Dockerfile: parsed with dockerfile-parse: the two stages, their base images, the
  release build, Web/ and Dashboards/ under /usr/share/meshscope, a non-root USER, the
  VOLUME, EXPOSE, ENTRYPOINT and CMD.
- systemd units: parsed strictly (duplicate keys and sections are errors), required keys
  and hardening present; `systemd-analyze verify` when it runs here.
- Prometheus: `promtool check config`, and the federation job's shape.
- Grafana provisioning: keys of the data source and dashboard provider files.

Prints one line per check and `OK` at the end; exits 1 on the first failed group.
"""
import configparser
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile

import jsonschema
import kubernetes_validate
import yaml
from dockerfile_parse import DockerfileParser

ROOT = os.environ.get("MESHSCOPE_REPO") or os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEPLOY = os.path.join(ROOT, "Deploy")
KUBERNETES_VERSION = "1.30.0"
failures = []


def check(condition, message):
    if condition:
        print("ok   " + message)
    else:
        print("FAIL " + message)
        failures.append(message)


def load_all(path):
    with open(path) as f:
        return [d for d in yaml.safe_load_all(f) if d is not None]


# ---- Kubernetes -------------------------------------------------------------------
def kubernetes():
    directory = os.path.join(DEPLOY, "kubernetes")
    docs = {}
    names = ["collector.yaml", "demo-app.yaml", "rbac.yaml", "sharded/collector-sharded.yaml"]
    # Every manifest under Deploy/kubernetes is validated, also ones added later.
    for base, _, files in os.walk(directory):
        for file in sorted(files):
            name = os.path.relpath(os.path.join(base, file), directory)
            if file.endswith(".yaml") and name not in names:
                names.append(name)
    for name in names:
        path = os.path.join(directory, name)
        check(os.path.isfile(path), f"kubernetes/{name} exists")
        for doc in load_all(path):
            kind, meta = doc.get("kind"), doc.get("metadata", {})
            label = f"kubernetes/{name}: {kind} {meta.get('name')}"
            try:
                kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)
                check(True, f"{label} valid against Kubernetes {KUBERNETES_VERSION} schema (strict)")
            except kubernetes_validate.ValidationError as error:
                check(False, f"{label}: {error.path}: {error.message}")
            docs[(kind, meta.get("name"))] = doc

    sts = docs.get(("StatefulSet", "meshscope"))
    check(sts is not None, "collector StatefulSet present")
    if sts:
        spec = sts["spec"]
        container = spec["template"]["spec"]["containers"][0]
        check(container["readinessProbe"]["httpGet"]["path"] == "/-/ready", "readiness probe on /-/ready")
        check(container["livenessProbe"]["httpGet"]["path"] == "/-/healthy", "liveness probe on /-/healthy")
        claims = [c["metadata"]["name"] for c in spec.get("volumeClaimTemplates", [])]
        mounts = {m["name"]: m["mountPath"] for m in container["volumeMounts"]}
        check("data" in claims and mounts.get("data") == "/var/lib/meshscope",
              "volumeClaimTemplate 'data' mounted at the data dir")
        check("--data-dir=/var/lib/meshscope" in container["args"], "serve gets --data-dir /var/lib/meshscope")
        check(spec["template"]["spec"].get("serviceAccountName") == "meshscope", "runs as ServiceAccount meshscope")
    cm = docs.get(("ConfigMap", "meshscope-config"))
    check(cm is not None and "meshscope.yaml" in cm["data"], "collector ConfigMap holds meshscope.yaml")
    if cm:
        config = yaml.safe_load(cm["data"]["meshscope.yaml"])
        check(isinstance(config.get("scrape_configs"), list), "collector config parses, has scrape_configs")
        pods = next((j for j in config.get("scrape_configs", []) if j.get("job_name") == "kubernetes-pods"), None)
        check(pods is not None and pods["kubernetes_sd_configs"][0]["role"] == "pod",
              "collector config discovers pods (kubernetes_sd_configs role pod)")
        keep = (pods or {}).get("relabel_configs", [{}])[0]
        check(keep.get("source_labels") == ["__meta_kubernetes_pod_annotation_prometheus_io_scrape"]
              and keep.get("action") == "keep", "collector config keeps prometheus.io/scrape pods first")
    svc = docs.get(("Service", "meshscope"))
    check(svc is not None and sorted(p["port"] for p in svc["spec"]["ports"]) == [9098, 9411],
          "collector Service exposes 9098 and 9411")

    deploy = docs.get(("Deployment", "details-v1"))
    check(deploy is not None, "demo Deployment present")
    if deploy:
        pod = deploy["spec"]["template"]
        annotations = pod["metadata"].get("annotations", {})
        containers = {c["name"]: c for c in pod["spec"]["containers"]}
        proxy = containers.get("meshscope-proxy")
        check(proxy is not None and proxy["args"][0] == "proxy", "sidecar container runs `meshscope proxy`")
        admin = next((p["containerPort"] for p in (proxy or {}).get("ports", []) if p["name"] == "http-admin"), None)
        check(annotations.get("prometheus.io/scrape") == "true", "annotation prometheus.io/scrape=true")
        check(annotations.get("prometheus.io/port") == str(admin), f"annotation prometheus.io/port is the admin port ({admin})")
        check(annotations.get("prometheus.io/path") == "/stats/prometheus", "annotation prometheus.io/path=/stats/prometheus")
        pcm = docs.get(("ConfigMap", "details-v1-proxy"))
        check(pcm is not None, "ProxyConfig ConfigMap present")
        if pcm:
            proxy_config = yaml.safe_load(pcm["data"]["proxy-config.yaml"])
            check(proxy_config.get("kind") == "ProxyConfig"
                  and proxy_config["spec"]["listeners"]["admin"]["port"] == admin,
                  "ProxyConfig's admin listener matches the annotated port")
    sharded(docs)
    role = docs.get(("ClusterRole", "meshscope"))
    check(role is not None and sorted(role["rules"][0]["resources"]) == ["endpoints", "pods", "services"]
          and sorted(role["rules"][0]["verbs"]) == ["get", "list", "watch"],
          "ClusterRole get/list/watch pods, services and endpoints (discovery roles pod and endpoints)")
    binding = docs.get(("ClusterRoleBinding", "meshscope"))
    check(binding is not None and binding["subjects"][0]["name"] == "meshscope", "ClusterRoleBinding to the ServiceAccount")


def sharded(docs):
    """The sharded collectors: SHARD from the pod index label, --config.expand-env, and a
    hashmod modulus equal to the replica count."""
    sts = docs.get(("StatefulSet", "meshscope-sharded"))
    check(sts is not None, "sharded StatefulSet present")
    cm = docs.get(("ConfigMap", "meshscope-sharded-config"))
    check(cm is not None, "sharded ConfigMap present")
    if not sts or not cm:
        return
    container = sts["spec"]["template"]["spec"]["containers"][0]
    check("--config.expand-env" in container["args"], "sharded serve gets --config.expand-env")
    env = {e["name"]: e for e in container.get("env", [])}
    field = env.get("SHARD", {}).get("valueFrom", {}).get("fieldRef", {}).get("fieldPath")
    check(field == "metadata.labels['apps.kubernetes.io/pod-index']", "SHARD comes from the pod-index label")
    config = yaml.safe_load(cm["data"]["meshscope.yaml"])
    rules = [r for j in config["scrape_configs"] for r in j.get("relabel_configs", [])]
    hashmod = [r for r in rules if r.get("action") == "hashmod"]
    check(len(hashmod) == 1 and hashmod[0]["modulus"] == sts["spec"]["replicas"],
          "hashmod modulus equals the replica count")
    check(any(r.get("action") == "keep" and r.get("regex") == "${SHARD}" for r in rules),
          "each replica keeps the shard ${SHARD}")
    check(sts["spec"]["template"]["spec"].get("serviceAccountName") == "meshscope",
          "sharded collectors use the meshscope ServiceAccount")


# ---- Compose ----------------------------------------------------------------------
def compose():
    spec = importlib.util.find_spec("compose")  # locates the package without importing it
    schema_path = os.path.join(spec.submodule_search_locations[0], "config", "compose_spec.json")
    with open(schema_path) as f:
        schema = json.load(f)
    path = os.path.join(DEPLOY, "docker", "compose.yaml")
    with open(path) as f:
        document = yaml.safe_load(f)
    errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(document), key=lambda e: list(e.path))
    for error in errors:
        check(False, f"compose.yaml: {'.'.join(map(str, error.path))}: {error.message}")
    check(not errors, "compose.yaml valid against the Compose specification schema")
    services = document["services"]
    base = os.path.dirname(path)
    for name, service in services.items():
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if source.startswith("."):
                check(os.path.isfile(os.path.normpath(os.path.join(base, source))), f"compose {name}: {source} exists")
        if name.endswith("-proxy"):
            app = name[: -len("-proxy")]
            check(service.get("network_mode") == f"service:{app}" and app in services,
                  f"compose {name} shares {app}'s network namespace")
    serve = services.get("meshscope", {})
    check(serve.get("command", [None])[0] == "serve" and "build" in serve, "compose collector builds the image and runs serve")
    apps = {n for n, s in services.items() if s.get("command", [None])[0] == "demo-service"}
    check(len(apps) == 8, f"compose runs the demo's 8 demo-service processes ({len(apps)})")


# ---- Dockerfile -------------------------------------------------------------------
def dockerfile():
    parser = DockerfileParser(path=os.path.join(DEPLOY, "docker", "Dockerfile"))
    instructions = parser.structure
    froms = [i["value"] for i in instructions if i["instruction"] == "FROM"]
    check(len(froms) == 2, f"Dockerfile has two stages ({froms})")
    build_image = froms[0].split()[0]
    tag = build_image.split(":")[1] if ":" in build_image else ""
    version = tuple(int(x) for x in tag.split("-")[0].split(".")[:2] if x.isdigit())
    check(build_image.startswith("swift:") and version >= (6, 2), f"build stage from swift:6.2+ ({build_image})")
    check(froms[1].split()[0] == "debian:bookworm-slim", "runtime stage from debian:bookworm-slim")
    check(parser.baseimage == "debian:bookworm-slim", "final image based on debian:bookworm-slim")
    runs = " ".join(i["value"] for i in instructions if i["instruction"] == "RUN")
    check("swift build -c release --product meshscope" in runs, "release build of the meshscope product")
    for package in ("libsqlite3-dev", "zlib1g-dev", "libsqlite3-0", "zlib1g", "ca-certificates"):
        check(package in runs, f"installs {package}")
    copies = [i["value"].split() for i in instructions if i["instruction"] == "COPY"]
    check(["Web/", "/usr/share/meshscope/Web/"] in copies, "COPY Web/ to /usr/share/meshscope/Web")
    check(["Dashboards/", "/usr/share/meshscope/Dashboards/"] in copies, "COPY Dashboards/ to /usr/share/meshscope/Dashboards")
    check(any(c[0].startswith("--from=build") and c[-1] == "/usr/bin/meshscope" for c in copies),
          "binary copied from the build stage to /usr/bin/meshscope")
    final = instructions[[n for n, i in enumerate(instructions) if i["instruction"] == "FROM"][-1]:]
    users = [i["value"] for i in final if i["instruction"] == "USER"]
    check(users and not users[-1].startswith(("root", "0")), f"runs as a non-root user ({users})")
    def last(name):
        values = [i["value"] for i in final if i["instruction"] == name]
        return values[-1] if values else None
    check(last("VOLUME") == "/var/lib/meshscope", "VOLUME /var/lib/meshscope")
    check(sorted(last("EXPOSE").split()) == ["9098", "9411"], "EXPOSE 9098 9411")
    check(json.loads(last("ENTRYPOINT")) == ["meshscope"], 'ENTRYPOINT ["meshscope"]')
    cmd = json.loads(last("CMD"))
    check(cmd[:5] == ["serve", "--data-dir", "/var/lib/meshscope", "--listen", "0.0.0.0:9098"],
          "CMD serve --data-dir /var/lib/meshscope --listen 0.0.0.0:9098")
    ignore = os.path.join(DEPLOY, "docker", "Dockerfile.dockerignore")
    with open(ignore) as f:
        patterns = f.read().split()
    check(".build*" in patterns and "demo-data" in patterns, "Dockerfile.dockerignore drops .build* and demo-data")


# ---- systemd ----------------------------------------------------------------------
HARDENING = {
    "DynamicUser": "yes", "StateDirectory": "meshscope", "ProtectSystem": "strict", "ProtectHome": "yes",
    "PrivateTmp": "yes", "NoNewPrivileges": "yes", "RestrictAddressFamilies": "AF_INET AF_INET6 AF_UNIX",
    "CapabilityBoundingSet": "", "SystemCallFilter": "@system-service", "Restart": "on-failure",
    "ExecReload": "/bin/kill -HUP $MAINPID",
}


def systemd():
    directory = os.path.join(DEPLOY, "systemd")
    for name, command in (("meshscope.service", "serve"), ("meshscope-proxy@.service", "proxy")):
        path = os.path.join(directory, name)
        unit = configparser.ConfigParser(strict=True, interpolation=None, delimiters=("=",),
                                         comment_prefixes=("#", ";"), empty_lines_in_values=False)
        unit.optionxform = str
        try:
            with open(path) as f:
                unit.read_file(f)
        except configparser.Error as error:
            check(False, f"{name}: {error}")
            continue
        check(unit.sections() == ["Unit", "Service", "Install"], f"{name}: sections [Unit] [Service] [Install]")
        service = unit["Service"]
        check(unit["Unit"].get("Description"), f"{name}: Description")
        check(f"/usr/bin/meshscope {command}" in service.get("ExecStart", ""), f"{name}: ExecStart runs meshscope {command}")
        for key, value in HARDENING.items():
            check(service.get(key) == value, f"{name}: {key}={value}")
        check(unit["Install"].get("WantedBy") == "multi-user.target", f"{name}: WantedBy=multi-user.target")
    proxy = open(os.path.join(directory, "meshscope-proxy@.service")).read()
    check("/etc/meshscope/proxy/%i/*.yaml" in proxy, "proxy unit reads /etc/meshscope/proxy/%i/*.yaml")
    analyze = shutil.which("systemd-analyze")
    if not analyze:
        print("note: systemd-analyze not installed; skipped `systemd-analyze verify`")
        return
    with tempfile.TemporaryDirectory() as scratch:
        units = []
        for name in ("meshscope.service", "meshscope-proxy@.service"):
            shutil.copy(os.path.join(directory, name), scratch)
        units = [os.path.join(scratch, "meshscope.service"), os.path.join(scratch, "meshscope-proxy@demo.service")]
        shutil.copy(os.path.join(scratch, "meshscope-proxy@.service"), units[1])
        try:
            run = subprocess.run([analyze, "verify", "--man=no", *units], capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired) as error:
            print(f"note: systemd-analyze verify did not run here ({error}); skipped")
            return
        lines = [l for l in (run.stdout + run.stderr).splitlines() if l.strip()]
        # The binary is not installed on a test machine; everything else must be clean.
        unexpected = [l for l in lines if "is not executable" not in l and "/usr/bin/meshscope" not in l]
        if any("Failed to" in l and ("bus" in l.lower() or "connect" in l.lower()) for l in unexpected):
            print("note: systemd-analyze verify needs a running systemd here; skipped:\n  " + "\n  ".join(unexpected))
            return
        check(not unexpected, "systemd-analyze verify: " + ("clean" if not unexpected else "; ".join(unexpected)))


# ---- Prometheus and Grafana -------------------------------------------------------
def prometheus():
    path = os.path.join(DEPLOY, "prometheus", "prometheus.yml")
    promtool = shutil.which("promtool")
    check(promtool is not None, "promtool installed (scripts/test.sh installs prometheus)")
    if promtool:
        run = subprocess.run([promtool, "check", "config", path], capture_output=True, text=True, timeout=30)
        check(run.returncode == 0, "promtool check config: " + (run.stdout + run.stderr).strip().replace("\n", " "))
    config = yaml.safe_load(open(path))
    federate = [j for j in config["scrape_configs"] if j.get("metrics_path") == "/federate"]
    check(len(federate) == 1, "one federation job")
    if federate:
        job = federate[0]
        check(job.get("honor_labels") is True, "federation job honors labels")
        check(job.get("params", {}).get("match[]") == ['{__name__=~"istio_.*"}'], 'match[]={__name__=~"istio_.*"}')


def grafana():
    base = os.path.join(DEPLOY, "grafana", "provisioning")
    sources = yaml.safe_load(open(os.path.join(base, "datasources", "meshscope.yaml")))
    check(sources.get("apiVersion") == 1, "datasources: apiVersion 1")
    by_type = {s["type"]: s for s in sources.get("datasources", [])}
    check(set(by_type) == {"prometheus", "zipkin"}, "datasources: a prometheus and a zipkin data source")
    allowed = {"name", "uid", "type", "access", "url", "isDefault", "editable", "jsonData", "orgId", "version"}
    for source in sources.get("datasources", []):
        check(set(source) <= allowed and source.get("access") == "proxy" and source.get("url", "").endswith(":9098"),
              f"datasource {source.get('name')}: known keys, access proxy, MeshScope's port 9098")
    link = by_type.get("prometheus", {}).get("jsonData", {}).get("exemplarTraceIdDestinations", [{}])[0]
    check(link.get("datasourceUid") == by_type.get("zipkin", {}).get("uid"), "exemplars link to the Zipkin data source")
    dashboards = yaml.safe_load(open(os.path.join(base, "dashboards", "meshscope.yaml")))
    check(dashboards.get("apiVersion") == 1, "dashboards: apiVersion 1")
    provider = (dashboards.get("providers") or [{}])[0]
    check(set(provider) <= {"name", "orgId", "folder", "folderUid", "type", "disableDeletion", "allowUiUpdates",
                            "updateIntervalSeconds", "options"}, "dashboard provider: known keys")
    check(provider.get("type") == "file" and provider.get("options", {}).get("path") == "/var/lib/grafana/dashboards/meshscope",
          "dashboard provider: file, /var/lib/grafana/dashboards/meshscope")
    check(any(n.endswith(".json") for n in os.listdir(os.path.join(ROOT, "Dashboards"))), "Dashboards/*.json exist to mount")


def main():
    for group in (kubernetes, compose, dockerfile, systemd, prometheus, grafana):
        try:
            group()
        except Exception as error:  # a crash in a group is a failure, named
            check(False, f"{group.__name__}: {type(error).__name__}: {error}")
    if failures:
        print(f"{len(failures)} check(s) failed")
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
