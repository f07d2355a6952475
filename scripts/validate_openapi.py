#!/usr/bin/env python3
"""Validates recorded HTTP exchanges against a vendor's OpenAPI document.

Usage: validate_openapi.py SPEC.yaml SERVER_URL EXCHANGES.jsonl

Each line of EXCHANGES.jsonl is one exchange recorded by the Swift tests:
{"method": "POST", "path": "/campaigns/ID/contacts", "headers": {...},
 "request_body": "...", "check_request": true,
 "status": 200, "response_headers": {...}, "response_body": "..."}
Requests marked check_request (the ones the client sent) must validate as requests;
every response must validate as the answer to its request. Paths the document does
not describe are counted as skipped. Exit status 1 when anything fails.
"""
import json
import sys
from urllib.parse import urlsplit

from openapi_core import OpenAPI
from openapi_core.testing import MockRequest, MockResponse


def main() -> int:
    spec_path, server_url, exchanges_path = sys.argv[1:4]
    openapi = OpenAPI.from_file_path(spec_path)
    server = urlsplit(server_url)
    host_url = f"{server.scheme}://{server.netloc}"
    passed = failed = skipped = 0
    with open(exchanges_path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            exchange = json.loads(line)
            body = exchange.get("request_body")
            request = MockRequest(
                host_url,
                exchange["method"].lower(),
                server.path.rstrip("/") + exchange["path"],
                headers=exchange.get("headers") or {},
                data=body.encode("utf-8") if body is not None else None,
                content_type="application/json",
            )
            label = f"{exchange['method']} {exchange['path']} -> {exchange['status']} (line {number})"
            try:
                openapi.validate_request(request)
            except Exception as error:  # noqa: BLE001 - any validation failure is reported
                name = type(error).__name__
                if name == "PathNotFound":
                    skipped += 1
                    continue
                if exchange.get("check_request", False):
                    failed += 1
                    print(f"FAIL request {label}: {name}: {error} {getattr(error, '__cause__', '') or ''}")
                    continue
            response = MockResponse(
                (exchange.get("response_body") or "").encode("utf-8"),
                status_code=exchange["status"],
                headers=exchange.get("response_headers") or {},
                content_type=(exchange.get("response_headers") or {}).get("Content-Type", "application/json").split(";")[0],
            )
            try:
                openapi.validate_response(request, response)
            except Exception as error:  # noqa: BLE001
                failed += 1
                print(f"FAIL response {label}: {type(error).__name__}: {error} {getattr(error, '__cause__', '') or ''}")
                continue
            passed += 1
    print(f"openapi: {passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed or passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
