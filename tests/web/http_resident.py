"""The scripted resident over real HTTP (urllib, no browser, no JavaScript).

    .venv/bin/python -m tests.web.http_resident http://127.0.0.1:8000 [--cases FILE]

drives a running site through every worked case in both languages and prints the cases
whose result page differs from the engine's own result for the same facts.
"""

from __future__ import annotations

import argparse
import csv
import http.cookiejar
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from petition.web.scripted_resident import Interview, outcomes_of


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class UrllibHTTP:
    """get/post returning (status, location, html), with a cookie jar like a browser's."""

    def __init__(self, base_url: str):
        self.base_url = base_url.rstrip("/")
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect())

    def send(self, request: urllib.request.Request):
        try:
            with self.opener.open(request, timeout=10) as response:
                return response.status, None, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            location = error.headers.get("Location")
            if location and location.startswith(self.base_url):
                location = location[len(self.base_url):]
            return error.code, location, error.read().decode("utf-8", "replace")

    def get(self, path: str):
        return self.send(urllib.request.Request(self.base_url + path))

    def post(self, path: str, data: dict[str, str]):
        body = urllib.parse.urlencode(data).encode()
        return self.send(urllib.request.Request(self.base_url + path, data=body))


def drive(base_url: str, rows: list[dict[str, str]], langs=("en", "es")) -> list[str]:
    from tests.web.test_public_cases import engine_says

    misses = []
    for lang in langs:
        for row in rows:
            _path, html = Interview(UrllibHTTP(base_url), lang).result_for([row])
            shown = outcomes_of(html)
            expected = engine_says(row)
            got = {key: shown[0][key] for key in expected} if len(shown) == 1 else shown
            if got != expected:
                misses.append(f"{row['case_id']} [{lang}]: shown {got}, engine {expected}")
    return misses


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("base_url")
    parser.add_argument("--cases", default=str(Path(__file__).resolve().parents[1] / "rules"
                                               / "public_cases.csv"))
    args = parser.parse_args()
    with open(args.cases, newline="") as cases:
        rows = list(csv.DictReader(cases))
    misses = drive(args.base_url, rows)
    print("\n".join(misses))
    print(f"{2 * len(rows) - len(misses)} of {2 * len(rows)} interviews reached the engine's "
          "result")
    sys.exit(1 if misses else 0)


if __name__ == "__main__":
    main()
