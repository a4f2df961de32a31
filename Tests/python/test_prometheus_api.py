#!/usr/bin/env python3
"""A Prometheus HTTP API client test, standard library only: talks to a running
`meshscope serve` the way Grafana's Prometheus data source does (build info, label
names and values, series, instant and range queries as form-encoded POSTs) and checks
the shapes and values of the answers.

The server must hold the API test dataset (Tests/EndToEndTests/Support/APIDataset.swift):
samples every 15 s for one hour from MESHSCOPE_DATA_START (Unix seconds), where
api_requests_total{service="frontend",code="200"} = 10 i, {frontend,500} = i,
{backend,200} = 20 i, api_temperature_celsius{room="lab"} = 20 + i mod 10.

    MESHSCOPE_URL=http://127.0.0.1:PORT python3 Tests/python/test_prometheus_api.py

The Swift end-to-end test PythonClientTests seeds a server and runs this file.
"""
import gzip
import json
import os
import unittest
import urllib.error
import urllib.parse
import urllib.request

BASE = os.environ.get("MESHSCOPE_URL", "http://127.0.0.1:9098").rstrip("/")
START = int(os.environ.get("MESHSCOPE_DATA_START", "1700000100"))
STEP = 15
COUNT = 240
END = START + STEP * (COUNT - 1)
# Grafana identifies itself and accepts gzip; the client must cope with both.
HEADERS = {"User-Agent": "Grafana/11.0.0", "Accept": "application/json, text/plain, */*",
           "Accept-Encoding": "gzip"}
TIMEOUT = 20


def call(path, params=None, post=False):
    """Returns (HTTP status, decoded JSON body)."""
    data = None
    url = BASE + path
    headers = dict(HEADERS)
    if params is not None:
        encoded = urllib.parse.urlencode(params, doseq=True)
        if post:
            data = encoded.encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        else:
            url += "?" + encoded
    request = urllib.request.Request(url, data=data, headers=headers, method="POST" if post else "GET")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            status, body, encoding = response.status, response.read(), response.headers.get("Content-Encoding")
    except urllib.error.HTTPError as error:
        status, body, encoding = error.code, error.read(), error.headers.get("Content-Encoding")
    if encoding == "gzip":
        body = gzip.decompress(body)
    return status, json.loads(body)


class GrafanaLikeClientTest(unittest.TestCase):
    def success(self, path, params=None, post=False):
        status, body = call(path, params, post)
        self.assertEqual(status, 200, body)
        self.assertEqual(body["status"], "success", body)
        self.assertNotIn("errorType", body)
        return body["data"]

    def test_buildinfo(self):
        data = self.success("/api/v1/status/buildinfo")
        for key in ("version", "revision", "branch", "buildUser", "buildDate", "goVersion"):
            self.assertIn(key, data)
            self.assertIsInstance(data[key], str)
        self.assertTrue(data["version"])

    def test_label_names_and_values(self):
        window = {"start": str(START), "end": str(END)}
        names = self.success("/api/v1/labels", window, post=True)
        self.assertEqual(names, sorted(names))
        self.assertTrue({"__name__", "service", "code", "room"} <= set(names), names)
        metrics = self.success("/api/v1/label/__name__/values", window)
        self.assertIn("api_requests_total", metrics)
        self.assertIn("api_temperature_celsius", metrics)
        services = self.success("/api/v1/label/service/values", dict(window, **{"match[]": "api_requests_total"}))
        self.assertEqual(services, ["backend", "frontend"])
        # A window before the data: nothing, but still a list.
        self.assertEqual(self.success("/api/v1/label/service/values", {"start": "1000", "end": "2000"}), [])

    def test_series(self):
        data = self.success("/api/v1/series", {"match[]": ['api_requests_total{service="frontend"}'],
                                               "start": str(START), "end": str(END)}, post=True)
        self.assertEqual(len(data), 2)
        for labels in data:
            self.assertEqual(labels["__name__"], "api_requests_total")
            self.assertEqual(labels["service"], "frontend")
        self.assertEqual(sorted(labels["code"] for labels in data), ["200", "500"])

    def test_instant_query(self):
        at = START + 120 * STEP
        data = self.success("/api/v1/query", {"query": "sum by (service) (api_requests_total)", "time": str(at)}, post=True)
        self.assertEqual(data["resultType"], "vector")
        values = {}
        for element in data["result"]:
            timestamp, value = element["value"]
            self.assertEqual(timestamp, at)
            self.assertIsInstance(value, str)
            self.assertNotIn("__name__", element["metric"])
            values[element["metric"]["service"]] = float(value)
        self.assertEqual(values, {"frontend": 1320.0, "backend": 2400.0})

    def test_instant_query_scalar_and_empty(self):
        data = self.success("/api/v1/query", {"query": "scalar(api_temperature_celsius)", "time": str(START + 3 * STEP)},
                            post=True)
        self.assertEqual(data, {"resultType": "scalar", "result": [START + 3 * STEP, "23"]})
        before = self.success("/api/v1/query", {"query": "api_requests_total", "time": str(START - 3600)}, post=True)
        self.assertEqual(before, {"resultType": "vector", "result": []})

    def test_range_query(self):
        # Grafana aligns start and end to the step.
        step = 60
        start = START + 600
        end = START + 1800
        data = self.success("/api/v1/query_range", {
            "query": 'sum by (service) (rate(api_requests_total{code="200"}[5m]))',
            "start": str(start), "end": str(end), "step": str(step)}, post=True)
        self.assertEqual(data["resultType"], "matrix")
        self.assertEqual(len(data["result"]), 2)
        expected = {"frontend": 10 / 15, "backend": 20 / 15}
        for series in data["result"]:
            points = series["values"]
            self.assertEqual([t for t, _ in points], list(range(start, end + 1, step)))
            for _, value in points:
                self.assertAlmostEqual(float(value), expected[series["metric"]["service"]], places=9)

    def test_range_query_raw_values(self):
        data = self.success("/api/v1/query_range", {
            "query": 'api_requests_total{service="frontend",code="500"}',
            "start": str(START), "end": str(START + 4 * STEP), "step": "15s"}, post=True)
        self.assertEqual(len(data["result"]), 1)
        series = data["result"][0]
        self.assertEqual(series["metric"], {"__name__": "api_requests_total", "service": "frontend", "code": "500"})
        self.assertEqual(series["values"], [[START + i * STEP, str(i)] for i in range(5)])

    def test_errors_use_the_prometheus_envelope(self):
        status, body = call("/api/v1/query", {"query": "sum(rate(", "time": str(START)}, post=True)
        self.assertEqual(status, 400)
        self.assertEqual(body["status"], "error")
        self.assertEqual(body["errorType"], "bad_data")
        self.assertTrue(body["error"].startswith('invalid parameter "query"'), body)
        status, body = call("/api/v1/query_range", {"query": "up", "start": str(END), "end": str(START), "step": "15"},
                            post=True)
        self.assertEqual((status, body["errorType"]), (400, "bad_data"))

    def test_metadata(self):
        data = self.success("/api/v1/metadata", {"metric": "api_requests_total"})
        self.assertEqual(data, {"api_requests_total": [{"type": "counter", "help": "Requests served.", "unit": ""}]})


if __name__ == "__main__":
    unittest.main(verbosity=2)
