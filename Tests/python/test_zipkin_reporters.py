"""Round trips through real Zipkin reporters from PyPI.

Each reporter sends a small multi-service trace (frontend server span -> client span ->
backend server span, plus local spans, tags, an event/annotation and an error) to a
running `meshscope serve`'s Zipkin listener; the test then reads the trace back through
`/api/v2/trace/{id}` and compares every field with what the reporter actually put on the
wire. The expected spans are never written by hand: every HTTP body a reporter posts is
captured on its way out (a recording requests.Session for the OpenTelemetry exporters, a
recording transport for py_zipkin) and decoded, so the expectations follow the reporter
if its encoding changes.

Reporters:
  * OpenTelemetry SDK + opentelemetry-exporter-zipkin-json (JSON v2)
  * OpenTelemetry SDK + opentelemetry-exporter-zipkin-proto-http (proto3 ListOfSpans)
  * py_zipkin with Encoding.V2_JSON (its SimpleHTTPTransport)

A reporter is skipped only if its package cannot be imported (the reason is printed).

Environment:
  MESHSCOPE_ZIPKIN_URL  base URL of the Zipkin listener (http://127.0.0.1:PORT); spans go here
  MESHSCOPE_URL         base URL of the main HTTP listener; traces are read here (and on
                        the Zipkin listener, which must answer the same)

Run with the virtualenv scripts/test.sh makes: .build/py-reporters/bin/python.
"""

import ipaddress
import json
import os
import sys
import threading
import time
import unittest
import urllib.error
import urllib.request

ZIPKIN_URL = os.environ.get("MESHSCOPE_ZIPKIN_URL", "http://127.0.0.1:9411").rstrip("/")
API_URL = os.environ.get("MESHSCOPE_URL", ZIPKIN_URL).rstrip("/")
SPANS_URL = ZIPKIN_URL + "/api/v2/spans"


# --------------------------------------------------------------------------- helpers


def get_trace(base, trace_id):
    with urllib.request.urlopen(f"{base}/api/v2/trace/{trace_id}", timeout=10) as response:
        if response.status != 200:
            raise AssertionError(f"GET trace {trace_id}: HTTP {response.status}")
        return json.loads(response.read())


def _drop_empty_endpoint(endpoint):
    """Zipkin's Endpoint: empty service name and port 0 are absent; lowercase service name."""
    if endpoint is None:
        return None
    out = {}
    for key, value in endpoint.items():
        if value is None or value == "" or (key == "port" and value == 0):
            continue
        if key == "serviceName":
            value = value.lower()
        out[key] = value
    return out or None


def zipkin_normalise(span):
    """What Zipkin's own model (zipkin2.Span.Builder / Endpoint) does to any span it accepts,
    and so what a conforming server must answer with: ids lowercase, span and service names
    lowercase, null / empty / false / zero-valued optional fields absent, annotations sorted
    by (timestamp, value). Everything else must come back exactly as sent."""
    out = {}
    for key, value in span.items():
        if value is None:
            continue
        if key in ("traceId", "id", "parentId"):
            value = value.lower()
        elif key == "name":
            if value == "":
                continue
            value = value.lower()
        elif key in ("timestamp", "duration") and value == 0:
            continue
        elif key in ("shared", "debug") and value is False:
            continue
        elif key in ("localEndpoint", "remoteEndpoint"):
            value = _drop_empty_endpoint(value)
            if value is None:
                continue
        elif key == "tags":
            if not value:
                continue
            value = dict(value)
        elif key == "annotations":
            if not value:
                continue
            value = sorted(({"timestamp": a["timestamp"], "value": a["value"]} for a in value),
                           key=lambda a: (a["timestamp"], a["value"]))
        out[key] = value
    return out


def span_key(span):
    # Client and shared server halves share an id; tell them apart by kind and service.
    return (span["id"], span.get("kind"), span.get("shared", False),
            (span.get("localEndpoint") or {}).get("serviceName"))


def proto_to_json_v2(payload):
    """Decode a proto3 ListOfSpans (as the proto exporter sent it) into Zipkin JSON v2 dicts,
    field by field per zipkin.proto, using the exporter's own generated message classes."""
    from opentelemetry.exporter.zipkin.proto.http.v2.gen import zipkin_pb2

    message = zipkin_pb2.ListOfSpans()
    message.ParseFromString(payload)

    def endpoint(ep):
        out = {}
        if ep.service_name:
            out["serviceName"] = ep.service_name
        if ep.ipv4:
            out["ipv4"] = str(ipaddress.IPv4Address(ep.ipv4))
        if ep.ipv6:
            out["ipv6"] = str(ipaddress.IPv6Address(ep.ipv6))
        if ep.port:
            out["port"] = ep.port
        return out

    spans = []
    for s in message.spans:
        span = {"traceId": s.trace_id.hex(), "id": s.id.hex()}
        if s.parent_id:
            span["parentId"] = s.parent_id.hex()
        if s.kind != zipkin_pb2.Span.Kind.SPAN_KIND_UNSPECIFIED:
            span["kind"] = zipkin_pb2.Span.Kind.Name(s.kind)
        if s.name:
            span["name"] = s.name
        if s.timestamp:
            span["timestamp"] = s.timestamp
        if s.duration:
            span["duration"] = s.duration
        if s.HasField("local_endpoint"):
            span["localEndpoint"] = endpoint(s.local_endpoint)
        if s.HasField("remote_endpoint"):
            span["remoteEndpoint"] = endpoint(s.remote_endpoint)
        if s.annotations:
            span["annotations"] = [{"timestamp": a.timestamp, "value": a.value} for a in s.annotations]
        if s.tags:
            span["tags"] = dict(s.tags)
        if s.debug:
            span["debug"] = True
        if s.shared:
            span["shared"] = True
        spans.append(span)
    return spans


class RoundTrip(unittest.TestCase):
    maxDiff = None

    def assert_round_trip(self, label, sent, min_services=2):
        """`sent`: the spans as the reporter encoded them (JSON v2 dicts)."""
        self.assertTrue(sent, f"{label}: the reporter sent nothing")
        trace_ids = {s["traceId"].lower() for s in sent}
        self.assertEqual(len(trace_ids), 1, f"{label}: one trace expected, reporter sent {trace_ids}")
        trace_id = trace_ids.pop()
        services = {(s.get("localEndpoint") or {}).get("serviceName") for s in sent}
        self.assertGreaterEqual(len(services), min_services, f"{label}: not multi-service: {services}")

        expected = {span_key(n): n for n in map(zipkin_normalise, sent)}
        self.assertEqual(len(expected), len(sent), f"{label}: reporter sent duplicate spans")

        for base in (API_URL, ZIPKIN_URL):
            got_list = get_trace(base, trace_id)
            got = {span_key(s): s for s in got_list}
            self.assertEqual(len(got), len(got_list), f"{label}: duplicate spans in answer from {base}")
            self.assertEqual(sorted(got, key=repr), sorted(expected, key=repr),
                             f"{label}: span set differs ({base})\nsent: {json.dumps(sent, indent=1)}"
                             f"\nread: {json.dumps(got_list, indent=1)}")
            for key, want in expected.items():
                self.assertEqual(got[key], want, f"{label}: span {key} differs ({base})")
        print(f"{label}: {len(sent)} spans, {len(services)} services, trace {trace_id}: OK")


# --------------------------------------------------------------------------- OpenTelemetry


def import_problem(*modules):
    """None when every module imports, else why not (ImportError, or a broken dependency)."""
    try:
        for module in modules:
            __import__(module)
        return None
    except Exception as error:
        return f"{type(error).__name__}: {error}"


def skip_unless_importable(test, package, *modules):
    problem = import_problem(*modules)
    if problem:
        print(f"SKIP {package}: cannot import ({problem})", file=sys.stderr)
        test.skipTest(f"{package}: {problem}")


def _recording_session(bodies):
    import requests

    class RecordingSession(requests.Session):
        """The exporter's own session; records each body it posts, then really posts it."""

        def post(self, url, data=None, **kwargs):
            body = data.encode("utf-8") if isinstance(data, str) else bytes(data)
            response = super().post(url, data=data, **kwargs)
            bodies.append((response.status_code, self.headers.get("Content-Type"), body))
            return response

    return RecordingSession()


def run_otel_trace(exporter_class):
    """A frontend and a backend, each its own TracerProvider (service.name resource,
    local endpoint ip/port) exporting synchronously through SimpleSpanProcessor; the
    backend continues the trace from W3C traceparent headers the client span injected.
    Returns the captured (status, content type, body) of every POST."""
    from opentelemetry import trace
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SimpleSpanProcessor
    from opentelemetry.trace import SpanKind, Status, StatusCode
    from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

    bodies = []

    def provider(service, ipv4, port):
        exporter = exporter_class(endpoint=SPANS_URL, local_node_ipv4=ipv4, local_node_port=port,
                                  session=_recording_session(bodies))
        p = TracerProvider(resource=Resource.create({"service.name": service, "deployment.environment": "e2e"}))
        p.add_span_processor(SimpleSpanProcessor(exporter))
        return p

    front = provider("Frontend", "10.1.0.1", 8080)
    back = provider("backend", "10.1.0.2", 9000)
    propagator = TraceContextTextMapPropagator()
    front_tracer = front.get_tracer("meshscope.e2e.frontend", "1.2.3")
    back_tracer = back.get_tracer("meshscope.e2e.backend")

    with front_tracer.start_as_current_span("GET /checkout", kind=SpanKind.SERVER, attributes={
        "http.method": "GET", "http.route": "/checkout", "http.status_code": 200,
        "retry": False, "ratio": 0.25, "items": ["a", "b"], "unicode": "caf\u00e9 \u2603 \"q\"\n",
    }) as server:
        server.add_event("cache miss", {"key": "cart:42", "size": 3})
        with front_tracer.start_as_current_span("validate cart"):  # INTERNAL: no kind
            time.sleep(0.002)
        with front_tracer.start_as_current_span("GET /stock", kind=SpanKind.CLIENT, attributes={
            "peer.service": "backend", "net.peer.name": "backend.local", "net.peer.port": 9000,
        }):
            headers = {}
            propagator.inject(headers)
            parent = propagator.extract(headers)
            with back_tracer.start_as_current_span("get /stock", context=parent, kind=SpanKind.SERVER,
                                                   attributes={"http.status_code": 503}) as backend:
                with back_tracer.start_as_current_span("SELECT stock", kind=SpanKind.CLIENT,
                                                       attributes={"db.system": "sqlite"}) as db:
                    db.set_status(Status(StatusCode.ERROR, "database is locked"))
                    db.add_event("retry", {"attempt": 2})
                backend.set_status(Status(StatusCode.ERROR))  # error with no description: tag ""
                backend.add_event("exception", {"exception.type": "TimeoutError"})
            with front_tracer.start_as_current_span("publish order", kind=SpanKind.PRODUCER):
                pass
    front.force_flush()
    back.force_flush()
    front.shutdown()
    back.shutdown()
    return bodies


class OpenTelemetryZipkinJSON(RoundTrip):
    def test_round_trip(self):
        skip_unless_importable(self, "opentelemetry-exporter-zipkin-json", "opentelemetry.sdk.trace",
                               "opentelemetry.exporter.zipkin.json")
        from opentelemetry.exporter.zipkin.json import ZipkinExporter

        bodies = run_otel_trace(ZipkinExporter)
        for status, content_type, body in bodies:
            self.assertIn(status, (200, 202), body)
            self.assertEqual(content_type, "application/json")
        sent = [span for _, _, body in bodies for span in json.loads(body)]
        # The JSON exporter writes "kind": null for INTERNAL spans; that must be accepted.
        self.assertTrue(any("kind" in s and s["kind"] is None for s in sent), "no INTERNAL span sent")
        self.assert_round_trip("opentelemetry-exporter-zipkin-json", sent)


class OpenTelemetryZipkinProto(RoundTrip):
    def test_round_trip(self):
        skip_unless_importable(self, "opentelemetry-exporter-zipkin-proto-http", "opentelemetry.sdk.trace",
                               "opentelemetry.exporter.zipkin.proto.http")
        from opentelemetry.exporter.zipkin.proto.http import ZipkinExporter

        bodies = run_otel_trace(ZipkinExporter)
        for status, content_type, body in bodies:
            self.assertIn(status, (200, 202), body)
            self.assertEqual(content_type, "application/x-protobuf")
        sent = [span for _, _, body in bodies for span in proto_to_json_v2(body)]
        self.assert_round_trip("opentelemetry-exporter-zipkin-proto-http", sent)


# --------------------------------------------------------------------------- py_zipkin


def run_py_zipkin_trace():
    """Frontend (64-bit trace id) serves a request, calls the backend through a client span
    with a remote endpoint; the backend, in its own thread as a separate process would be,
    joins the trace B3-style on the client's span id (a shared SERVER span) and fails in a
    local span. Returns every payload the transport posted."""
    from py_zipkin import Encoding, Kind
    from py_zipkin.transport import SimpleHTTPTransport
    from py_zipkin.zipkin import ZipkinAttrs, zipkin_client_span, zipkin_span

    payloads = []

    class RecordingTransport(SimpleHTTPTransport):
        def send(self, payload):
            payloads.append(payload.encode("utf-8") if isinstance(payload, str) else bytes(payload))
            super().send(payload)  # asserts 202

    host, port = ZIPKIN_URL.removeprefix("http://").rsplit(":", 1)
    transport = RecordingTransport(host, int(port))
    errors = []

    def backend(attrs):
        try:
            with zipkin_span(service_name="backend", span_name="get /stock", zipkin_attrs=attrs,
                             transport_handler=transport, encoding=Encoding.V2_JSON, kind=Kind.SERVER,
                             host="10.2.0.2", port=9000,
                             binary_annotations={"http.status_code": "503"}) as server:
                server.add_annotation("wr", timestamp=time.time())
                try:
                    with zipkin_span(service_name="backend", span_name="SELECT stock",
                                     binary_annotations={"db.system": "sqlite"}):
                        raise TimeoutError("database is locked")
                except TimeoutError:
                    pass
        except Exception as error:  # reported by the main thread
            errors.append(error)

    with zipkin_span(service_name="Frontend", span_name="GET /checkout", transport_handler=transport,
                     encoding=Encoding.V2_JSON, sample_rate=100.0, kind=Kind.SERVER,
                     host="10.2.0.1", port=8080,
                     binary_annotations={"http.route": "/checkout", "unicode": "caf\u00e9 \"q\"\n"}) as root:
        root.add_annotation("cache miss")
        with zipkin_client_span(service_name="Frontend", span_name="GET /stock",
                                binary_annotations={"peer.service": "backend"}) as client:
            client.add_sa_binary_annotation(port=9000, service_name="backend", host="10.2.0.2")
            attrs = ZipkinAttrs(trace_id=client.zipkin_attrs.trace_id, span_id=client.zipkin_attrs.span_id,
                                parent_span_id=client.zipkin_attrs.parent_span_id, flags="0", is_sampled=True)
            thread = threading.Thread(target=backend, args=(attrs,))
            thread.start()
            thread.join()
        with zipkin_span(service_name="Frontend", span_name="render"):
            time.sleep(0.002)
    if errors:
        raise errors[0]
    return payloads


class PyZipkinJSON(RoundTrip):
    def test_round_trip(self):
        skip_unless_importable(self, "py_zipkin", "py_zipkin.zipkin", "py_zipkin.transport")
        payloads = run_py_zipkin_trace()
        sent = [span for body in payloads for span in json.loads(body)]
        self.assertTrue(any(s.get("shared") for s in sent), "no shared server span sent")
        self.assertTrue(any("remoteEndpoint" in s for s in sent), "no remote endpoint sent")
        self.assertTrue(any("error" in s.get("tags", {}) for s in sent), "no error tag sent")
        self.assert_round_trip("py_zipkin V2_JSON", sent)


REPORTERS = ("OpenTelemetryZipkinJSON", "OpenTelemetryZipkinProto", "PyZipkinJSON")


def run_each_in_own_process():
    """py_zipkin and the OpenTelemetry proto exporter both register a `zipkin.proto` with the
    protobuf runtime and cannot be imported into one process (as in real life, where each
    lives in its own application), so every reporter runs in a child interpreter."""
    import subprocess

    failed = []
    for name in REPORTERS:
        print(f"=== {name}", flush=True)
        child = subprocess.run([sys.executable, os.path.abspath(__file__), name],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=120)
        print(child.stdout, flush=True)
        if child.returncode != 0:
            failed.append(name)
    if failed:
        print(f"FAILED: {', '.join(failed)}")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1:
        unittest.main(verbosity=2)
    else:
        sys.exit(run_each_in_own_process())
